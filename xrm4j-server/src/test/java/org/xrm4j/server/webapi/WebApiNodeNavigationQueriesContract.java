package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client reading a related record by its key below a navigation property, filtering with
 * the lambda operators, and following a collection-valued expansion's {@code <nav>@odata.nextLink}; the values the
 * client returns are checked here.
 */
abstract class WebApiNodeNavigationQueriesContract extends WebApiNodeContract {
    @Test void readsBelowAndAcrossNavigationPropertiesThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "navqueries.js", Map.of());
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
