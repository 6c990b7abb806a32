package org.xrm4j.server.webapi;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * A server that the dynamics-web-api scripts drive, one per class. A contract with more to set up or undo adds its
 * own {@code @BeforeAll} (run after {@link #startServer}) and {@code @AfterAll} (run before {@link #stopServer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebApiNodeContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void startServer() {
        NodeClient.prepare();
        server = TestServers.start(database());
    }

    @AfterAll void stopServer() { if (server != null) server.close(); }

    static List<String> strings(JsonNode array) { return array.valueStream().map(JsonNode::asString).toList(); }
}
