package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client reading through navigation properties ({@code retrieve}, {@code retrieveMultiple}
 * and {@code retrieveAll} with {@code navigationProperty}, by id and alternate key), with nested {@code expand},
 * calling the bound action UpsertMultiple and the bound function RetrieveUserPrivileges; the values the client
 * returns are checked here.
 */
abstract class WebApiNodeNavigationContract extends WebApiNodeContract {
    @BeforeAll void defineKeys() {
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
    }

    @Test void navigatesThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "navigation.js", Map.of());
        String prefix = s.get("prefix").asString();

        assertThat(strings(s.get("children"))).containsExactly("Cole", "Baker", "Ames");
        assertThat(s.get("childrenCount").asInt()).isEqualTo(3);
        assertThat(strings(s.get("childrenByKey"))).containsExactly("Ames", "Baker");
        assertThat(strings(s.get("allPaged"))).containsExactly("Ames", "Baker", "Cole", "Primary");
        assertThat(s.get("primary").get("lastname").asString()).isEqualTo("Primary");
        assertThat(s.get("primary").get("parent").asString()).isEqualTo(prefix + " Account");
        assertThat(s.get("emptyPrimary").asBoolean()).isTrue();

        assertThat(s.get("nested").get("primaryAccountNumber").asString()).isEqualTo(prefix);
        assertThat(strings(s.get("nested").get("children"))).containsExactly("Ames", "Baker", "Cole", "Primary");
        assertThat(s.get("nested").get("creators").valueStream().map(JsonNode::asBoolean)).containsOnly(true);

        assertThat(s.get("upsertResult").isNull()).isTrue();
        assertThat(strings(s.get("afterUpsert"))).containsExactly(prefix + " Account renamed", prefix + " Lonely renamed", prefix + " New");
        assertThat(s.get("newNumber").asString()).isEqualTo(prefix + "-new");

        assertThat(s.get("privilege").get("depth").asString()).isEqualTo("Global");
        assertThat(s.get("privilege").get("businessUnit").asBoolean()).isTrue();
        assertThat(s.get("privilege").get("count").asInt()).isGreaterThan(100);
    }
}
