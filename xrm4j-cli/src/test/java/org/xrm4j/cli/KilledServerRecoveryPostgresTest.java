package org.xrm4j.cli;

import java.util.List;
import org.xrm4j.server.TestServers;

class KilledServerRecoveryPostgresTest extends KilledServerRecoveryContract {
    @Override List<String> database() { return List.of("--db", TestServers.postgresUrl()); }
}
