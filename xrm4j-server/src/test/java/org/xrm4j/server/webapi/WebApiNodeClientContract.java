package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client (npm, pinned in the committed package-lock) against a running server: create,
 * retrieve, update, upsert, filtered and paged queries, counts, delete, and {@code $batch} (executeBatch). The
 * record it writes is then read back through the engine, so that both surfaces are seen to hold the same values.
 */
abstract class WebApiNodeClientContract extends WebApiNodeContract {
    @Test void crudThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "crud.js", Map.of());
        String prefix = s.get("prefix").asString();

        assertThat(UUID.fromString(s.get("whoAmI").get("organizationId").asString())).isEqualTo(server.org().organizationId());
        String accountId = s.get("accountId").asString();
        assertThat(UUID.fromString(accountId)).isNotNull();
        assertThat(s.get("represented").get("name").asString()).isEqualTo(prefix + " Beta");
        assertThat(s.get("represented").get("numberofemployees").asInt()).isEqualTo(50);

        JsonNode got = s.get("retrieved");
        assertThat(got.get("name").asString()).isEqualTo(prefix + " Alpha");
        assertThat(got.get("revenue").asDouble()).isEqualTo(1000.5);
        assertThat(got.get("industrycode").asInt()).isEqualTo(3);
        assertThat(got.get("donotemail").asBoolean()).isTrue();
        assertThat(got.get("lastusedincampaignIsDate").asBoolean()).isTrue();
        assertThat(got.get("lastusedincampaign").asString()).isEqualTo("2024-03-01T10:20:30.000Z");
        assertThat(got.get("primarycontactid").asString()).isEqualTo(s.get("contactId").asString());
        assertThat(got.get("etag").asString()).matches("W/\"\\d+\"");

        assertThat(s.get("updated").asBoolean()).isTrue();
        assertThat(s.get("afterUpdate").get("name").asString()).isEqualTo(prefix + " Alpha 2");
        assertThat(s.get("afterUpdate").get("numberofemployees").asInt()).isEqualTo(6);
        assertThat(s.get("updateOfMissing").get("status").asInt()).isEqualTo(404);
        assertThat(s.get("updateOfMissing").get("code").asString()).isEqualTo("0x80040217");
        assertThat(s.get("upserted").asString()).isEqualTo(s.get("upsertKey").asString());

        assertThat(s.get("filtered").valueStream().map(JsonNode::asString)).containsExactly(prefix + " Beta", prefix + " Alpha 2");
        assertThat(s.get("allPages").valueStream().map(JsonNode::asString))
                .containsExactly(prefix + " Alpha 2", prefix + " Beta", prefix + " Gamma");
        assertThat(s.get("count").asInt()).isEqualTo(3);
        assertThat(s.get("countAll").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(s.get("deleted").asBoolean()).isTrue();
        assertThat(s.get("retrieveAfterDelete").get("status").asInt()).isEqualTo(404);

        // The upserted record, read through the engine as the SDK protocol would, holds what the Web API wrote.
        Entity upserted = (Entity) server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN, null,
                new RetrieveRequest(new EntityReference("account", UUID.fromString(s.get("upsertKey").asString())),
                        new ColumnSet("name", "numberofemployees", "revenue"))).get("Entity");
        assertThat(upserted.get("name")).isEqualTo(prefix + " Gamma");
        assertThat(upserted.get("numberofemployees")).isEqualTo(500);
        assertThat(upserted.get("revenue")).isNull();
    }

    @Test void batchThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "batch.js", Map.of());
        String prefix = s.get("prefix").asString();

        JsonNode first = s.get("first");
        assertThat(first.get("length").asInt()).isEqualTo(5);
        assertThat(first.get("queried").valueStream().map(JsonNode::asString)).containsExactly(prefix + " Doomed");
        assertThat(UUID.fromString(first.get("contactId").asString())).isNotNull();
        assertThat(UUID.fromString(first.get("accountId").asString())).isNotNull();
        assertThat(first.get("updated").asBoolean()).isTrue();
        assertThat(first.get("deleted").asBoolean()).isTrue();
        assertThat(s.get("account").get("name").asString()).isEqualTo(prefix + " Acc");
        assertThat(s.get("account").get("primarycontactid").asString()).isEqualTo(first.get("contactId").asString());
        assertThat(s.get("jobtitle").asString()).isEqualTo("Batched");

        JsonNode rolledBack = s.get("rolledBack");
        assertThat(rolledBack.get("rejected").asBoolean()).isTrue();
        assertThat(rolledBack.get("isArray").asBoolean()).isTrue();
        assertThat(rolledBack.get("length").asInt()).isEqualTo(1);
        assertThat(rolledBack.get("error").get("status").asInt()).isEqualTo(404);
        assertThat(rolledBack.get("error").get("code").asString()).isEqualTo("0x80040217");

        JsonNode stopped = s.get("stopped");
        assertThat(stopped.get("rejected").asBoolean()).isTrue();
        assertThat(stopped.get("length").asInt()).isEqualTo(2);
        assertThat(stopped.get("first").asString()).isEqualTo("string");
        assertThat(stopped.get("error").get("status").asInt()).isEqualTo(404);
        JsonNode continued = s.get("continued");
        assertThat(continued.get("rejected").asBoolean()).isFalse();
        assertThat(continued.get("length").asInt()).isEqualTo(3);
        assertThat(continued.get("error").get("code").asString()).isEqualTo("0x80040217");
        assertThat(continued.get("third").asString()).isEqualTo("string");

        assertThat(s.get("longQuery").get("filterLength").asInt()).isGreaterThan(2000);
        assertThat(s.get("longQuery").get("names").valueStream().map(JsonNode::asString)).containsExactly(prefix + " Acc");
        // What stayed: the batched account and the plain parts that ran; nothing of the failed change set.
        assertThat(s.get("names").valueStream().map(JsonNode::asString)).containsExactly(
                prefix + " Acc", prefix + " Continue 1", prefix + " Continue 2", prefix + " Stop 1");
    }
}
