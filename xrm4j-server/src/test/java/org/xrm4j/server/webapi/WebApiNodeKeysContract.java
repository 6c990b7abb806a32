package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.MetadataIds;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client defining, reading, using and deleting an alternate key, and deleting a column
 * and a table ({@code keys.js}), with the values the client returns checked here.
 */
abstract class WebApiNodeKeysContract extends WebApiNodeContract {
    @Test void keysThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "keys.js", Map.of());

        String keyId = MetadataIds.key("keys_item", "keys_codekey").toString();
        assertThat(s.get("createdKey").asString()).isEqualTo(keyId);
        assertThat(s.get("keys")).hasSize(1);
        assertThat(s.get("keys").get(0).get("name").asString()).isEqualTo("keys_codekey");
        assertThat(s.get("keys").get(0).get("attributes").get(0).asString()).isEqualTo("keys_code");
        assertThat(s.get("keys").get(0).get("status").asString()).isEqualTo("Active");
        assertThat(s.get("keys").get(0).get("id").asString()).isEqualTo(keyId);
        assertThat(s.get("one").get("schemaName").asString()).isEqualTo("keys_CodeKey");
        assertThat(s.get("one").get("entity").asString()).isEqualTo("keys_item");
        assertThat(s.get("one").get("label").asString()).isEqualTo("Code");
        assertThat(s.get("expanded").get(0).asString()).isEqualTo("keys_codekey");

        assertThat(s.get("duplicate").get("status").asInt()).isEqualTo(412);
        assertThat(s.get("duplicate").get("code").asString()).isEqualTo("0x80060892");
        assertThat(s.get("duplicate").get("message").asString()).contains("C-1").contains("keys_CodeKey");
        assertThat(s.get("byKey").asString()).isEqualTo("first by key");
        assertThat(s.get("keyedColumn").get("code").asString()).isEqualTo("0x80040227");

        assertThat(s.get("deletedKey").asBoolean()).isTrue();
        assertThat(s.get("keysAfter").asInt()).isZero();
        assertThat(s.get("duplicateAfter").asString()).isEqualTo("string");
        assertThat(s.get("deletedAttribute").asBoolean()).isTrue();
        assertThat(s.get("attributeAfter").get("status").asInt()).isEqualTo(404);
        assertThat(s.get("systemTable").get("code").asString()).isEqualTo("0x80040315");
        assertThat(s.get("deletedEntity").asBoolean()).isTrue();
        assertThat(s.get("entityAfter").get("status").asInt()).isEqualTo(404);
    }
}
