package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** Creates a record through the Web API; answers its id (or key) from the OData-EntityId header. */
    String create(String set, String json) {
        WebApiHttp.Reply r = http.post(api + set, json);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
    }

    /** A query option's value as it goes into a URL. */
    static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
