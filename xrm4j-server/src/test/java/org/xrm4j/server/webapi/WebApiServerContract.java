package org.xrm4j.server.webapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;

/**
 * What every raw-HTTP Web API contract starts from: one real server per test class on the subclass's database, a
 * client holding the administrator's token, and the organization's Web API base URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebApiServerContract {
    TestServers.TestServer server;
    WebApiHttp http;
    String api;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        http = new WebApiHttp(TestServers.ADMIN_TOKEN);
        api = server.orgUrl() + "/api/data/v9.2/";
    }

    @AfterAll void stop() { if (server != null) server.close(); }
}
