package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client reading a related record by its key below a navigation property, filtering with
 * the lambda operators, and following a collection-valued expansion's {@code <nav>@odata.nextLink}; the values the
 * client returns are checked here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebApiNodeNavigationQueriesContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() {
        NodeClient.prepare();
        server = TestServers.start(database());
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    static List<String> strings(JsonNode array) { return array.valueStream().map(JsonNode::asString).toList(); }

    @Test void readsBelowAndAcrossNavigationPropertiesThroughDynamicsWebApi() {
        Map<String, String> env = new HashMap<>();
        env.put("XRM4J_URL", server.orgUrl() + "/");
        env.put("XRM4J_TOKEN", TestServers.ADMIN_TOKEN);
        NodeClient.Result r = NodeClient.script("navqueries.js", env);
        assertThat(r.exitCode()).as(r.output()).isZero();
        JsonNode out = WebApiHttp.JSON.readTree(r.lastLine());
        assertThat(out.get("ok").asBoolean()).as(r.output()).isTrue();
        JsonNode s = out.get("summary");
        String prefix = s.get("prefix").asString();
        String a = prefix + " Account";
        String b = prefix + "B Account";
        String lonely = prefix + " Lonely";

        assertThat(s.get("related").get("lastname").asString()).isEqualTo("Baker");
        assertThat(s.get("related").get("parent").asString()).isEqualTo(a);
        assertThat(s.get("unrelatedStatus").asInt()).isEqualTo(404);
        assertThat(strings(s.get("anyCole"))).containsExactly(a);
        assertThat(strings(s.get("anyAtAll"))).containsExactly(a, b);
        assertThat(strings(s.get("allAmes"))).containsExactly(lonely, b);
        assertThat(strings(s.get("notAnyOrName"))).containsExactly(lonely, b);
        assertThat(strings(s.get("inline"))).containsExactly("Cole", "Baker", "Ames");
        assertThat(s.get("linkPath").asString()).startsWith("api/data/v9.2/accounts(").contains(")/contact_customer_accounts?$select=lastname");
        assertThat(strings(s.get("followed"))).containsExactly("Cole", "Baker", "Ames");
    }
}
