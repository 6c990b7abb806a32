package org.xrm4j.server.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/** An engine contract suite: one test server per class, on the database its subclass names, called in-process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {
    TestServers.TestServer server;
    EngineCalls calls;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
    }

    @AfterAll void stop() { if (server != null) server.close(); }
}
