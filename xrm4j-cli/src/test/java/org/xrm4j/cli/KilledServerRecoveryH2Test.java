package org.xrm4j.cli;

import java.util.List;

class KilledServerRecoveryH2Test extends KilledServerRecoveryContract {
    @Override List<String> database() { return List.of(); }
}
