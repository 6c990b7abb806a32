package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client calling the Web API's writes beyond plain records ({@code writes.js}): etags,
 * single properties, associate and disassociate, deep insert, alternate keys, {@code $1/nav} in a change set and
 * impersonateAAD, with the values the client returns checked here.
 */
abstract class WebApiNodeWritesContract extends WebApiNodeContract {
    WebApiHttp http;
    String api;

    @BeforeAll void setUp() {
        http = new WebApiHttp(TestServers.ADMIN_TOKEN);
        api = server.orgUrl() + "/api/data/v9.2/";
        // Alternate keys: account by accountnumber, contact by first and last name.
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
        WebApiKeys.define(server, "contact", "new_FullNameKey", "firstname", "lastname");
    }

    @Test void writesThroughDynamicsWebApi() {
        Deployment.IssuedUser user = server.server().engine().deployment()
                .createUser(server.org(), "Nora", "Node", "nora." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        String objectId = UUID.randomUUID().toString();
        assertThat(http.patch(api + "systemusers(" + user.userId() + ")", "{\"azureactivedirectoryobjectid\":\"" + objectId + "\"}",
                "If-Match", "*").status()).isEqualTo(204);
        JsonNode s = NodeClient.summary(server, "writes.js", Map.of("XRM4J_OBJECT_ID", objectId));

        JsonNode etag = s.get("etag");
        assertThat(etag.get("etag").asString()).matches("W/\"\\d+\"");
        assertThat(etag.get("unchanged").asString()).isEqualTo("undefined");
        assertThat(etag.get("updated").asBoolean()).isTrue();
        assertThat(etag.get("stale").asBoolean()).isFalse();
        assertThat(etag.get("changedName").asString()).endsWith(" Etag 2");
        assertThat(etag.get("staleDelete").asBoolean()).isFalse();
        assertThat(etag.get("exists").asString()).endsWith(" Etag 2");

        assertThat(s.get("single").get("result").asString()).isEqualTo("undefined");
        assertThat(s.get("single").get("value").asString()).endsWith(" Single");
        assertThat(s.get("single").get("context").asString()).endsWith("/name");

        JsonNode links = s.get("links");
        String account = links.get("afterAssociate").asString();
        assertThat(UUID.fromString(account)).isNotNull();
        assertThat(links.get("afterDisassociate").isNull()).isTrue();
        assertThat(UUID.fromString(links.get("primary").asString())).isNotNull();
        assertThat(links.get("cleared").isNull()).isTrue();

        assertThat(s.get("deep").get("children").valueStream().map(JsonNode::asString)).containsExactly("Deep child 1", "Deep child 2");
        assertThat(s.get("deep").get("primary").asString()).isEqualTo("Deep primary");

        JsonNode keys = s.get("keys");
        assertThat(keys.get("upserted").asString()).isEqualTo("undefined");
        assertThat(keys.get("name").asString()).endsWith(" Keyed");
        assertThat(keys.get("renamed").asString()).endsWith(" Keyed 2");
        assertThat(UUID.fromString(keys.get("compound").asString())).isNotNull();
        assertThat(keys.get("notAKey").get("status").asInt()).isEqualTo(400);
        assertThat(keys.get("notAKey").get("code").asString()).isEqualTo("0x80040203");
        assertThat(keys.get("deletedByKey").asBoolean()).isTrue();
        assertThat(keys.get("gone").get("status").asInt()).isEqualTo(404);

        JsonNode batch = s.get("batch");
        assertThat(batch.get("parent").asString()).isEqualTo(batch.get("account").asString());

        assertThat(s.get("impersonation").get("userId").asString()).isEqualTo(user.userId().toString());
        assertThat(s.get("impersonation").get("unknown").get("code").asString()).isEqualTo("0x80048D1A");
    }
}
