package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.MetadataIds;
import tools.jackson.databind.JsonNode;

/**
 * Alternate keys and metadata deletes over raw HTTP: {@code POST/GET/DELETE EntityDefinitions(…)/Keys},
 * {@code $expand=Keys}, a duplicate key value answered 412 {@code 0x80060892} (alone and as a {@code $batch} part),
 * and {@code DELETE} of tables and columns with their refusals.
 */
abstract class WebApiKeysContract extends WebApiServerContract {
    static String label(String text) {
        return "{\"LocalizedLabels\":[{\"Label\":\"" + text + "\",\"LanguageCode\":1033}]}";
    }

    static String table(String schema) {
        return "{\"SchemaName\":\"" + schema + "\",\"OwnershipType\":\"UserOwned\",\"HasActivities\":false,\"HasNotes\":false,"
                + "\"Attributes\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Sku\",\"MaxLength\":40},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.IntegerAttributeMetadata\",\"SchemaName\":\"new_Size\"},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.MoneyAttributeMetadata\",\"SchemaName\":\"new_Price\"}]}";
    }

    static String key(String schema, String... columns) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityKeyMetadata\",\"SchemaName\":\"" + schema + "\",\"DisplayName\":" + label("By " + schema)
                + ",\"KeyAttributes\":[\"" + String.join("\",\"", columns) + "\"]}";
    }

    JsonNode get(String path) {
        WebApiHttp.Reply r = http.get(api + path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test void keysAreDefinedReadEnforcedAndDeleted() {
        assertThat(http.post(api + "EntityDefinitions", table("new_Part")).status()).isEqualTo(204);
        WebApiHttp.Reply created = http.post(api + "EntityDefinitions(LogicalName='new_part')/Keys", key("new_SkuKey", "new_sku"));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        String keyId = MetadataIds.key("new_part", "new_skukey").toString();
        assertThat(created.header("OData-EntityId")).isEqualTo(api + "EntityDefinitions(" + MetadataIds.entity("new_part") + ")/Keys(" + keyId + ")");

        JsonNode keys = get("EntityDefinitions(LogicalName='new_part')/Keys");
        assertThat(keys.get("@odata.context").asString()).endsWith("$metadata#EntityDefinitions(" + MetadataIds.entity("new_part") + ")/Keys");
        assertThat(keys.get("value")).hasSize(1);
        JsonNode k = keys.get("value").get(0);
        assertThat(k.get("MetadataId").asString()).isEqualTo(keyId);
        assertThat(k.get("LogicalName").asString()).isEqualTo("new_skukey");
        assertThat(k.get("SchemaName").asString()).isEqualTo("new_SkuKey");
        assertThat(k.get("EntityLogicalName").asString()).isEqualTo("new_part");
        assertThat(k.get("KeyAttributes").get(0).asString()).isEqualTo("new_sku");
        assertThat(k.get("EntityKeyIndexStatus").asString()).isEqualTo("Active");
        assertThat(k.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("By new_SkuKey");
        assertThat(get("EntityDefinitions(LogicalName='new_part')/Keys(LogicalName='new_skukey')").get("KeyAttributes").get(0).asString())
                .isEqualTo("new_sku");
        assertThat(get("EntityDefinitions(" + MetadataIds.entity("new_part") + ")/Keys(" + keyId + ")?$select=LogicalName")
                .get("LogicalName").asString()).isEqualTo("new_skukey");
        JsonNode expanded = get("EntityDefinitions(LogicalName='new_part')?$select=LogicalName&$expand=Keys($select=LogicalName,KeyAttributes)");
        assertThat(expanded.get("Keys").get(0).get("LogicalName").asString()).isEqualTo("new_skukey");
        assertThat(http.get(api + "EntityDefinitions(LogicalName='new_part')/Keys(LogicalName='new_nokey')").status()).isEqualTo(404);

        assertThat(http.post(api + "new_parts", "{\"new_name\":\"a\",\"new_sku\":\"S-1\"}").status()).isEqualTo(204);
        WebApiHttp.Reply dup = http.post(api + "new_parts", "{\"new_name\":\"b\",\"new_sku\":\"S-1\"}");
        assertThat(dup.status()).isEqualTo(412);
        assertThat(dup.errorCode()).isEqualTo("0x80060892");
        assertThat(dup.json().get("error").get("message").asString()).contains("S-1").contains("new_SkuKey");
        // The key addresses the record; a PATCH upsert by key updates it instead of colliding.
        assertThat(http.patch(api + "new_parts(new_sku='S-1')", "{\"new_name\":\"a2\"}").status()).isEqualTo(204);
        assertThat(get("new_parts(new_sku='S-1')?$select=new_name").get("new_name").asString()).isEqualTo("a2");

        String boundary = "batch_keys";
        String body = "--" + boundary + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "POST " + api + "new_parts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"new_name\":\"c\",\"new_sku\":\"S-2\"}\r\n"
                + "--" + boundary + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "POST " + api + "new_parts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"new_name\":\"d\",\"new_sku\":\"S-1\"}\r\n"
                + "--" + boundary + "--\r\n";
        WebApiHttp.Reply batch = http.batch(api + "$batch", body, "multipart/mixed;boundary=" + boundary, "Prefer", "odata.continue-on-error");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body()).contains("HTTP/1.1 204").contains("HTTP/1.1 412").contains("0x80060892");

        WebApiHttp.Reply money = http.post(api + "EntityDefinitions(LogicalName='new_part')/Keys", key("new_PriceKey", "new_price"));
        assertThat(money.status()).isEqualTo(400);
        assertThat(money.json().get("error").get("message").asString()).contains("Money");

        WebApiHttp.Reply keyed = http.delete(api + "EntityDefinitions(LogicalName='new_part')/Attributes(LogicalName='new_sku')");
        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.errorCode()).isEqualTo("0x80040227");
        assertThat(http.delete(api + "EntityDefinitions(LogicalName='new_part')/Keys(LogicalName='new_skukey')").status()).isEqualTo(204);
        assertThat(get("EntityDefinitions(LogicalName='new_part')/Keys").get("value")).isEmpty();
        assertThat(http.post(api + "new_parts", "{\"new_name\":\"e\",\"new_sku\":\"S-1\"}").status()).isEqualTo(204);
    }

    @Test void tablesAndColumnsAreDeleted() {
        assertThat(http.post(api + "EntityDefinitions", table("new_Bin")).status()).isEqualTo(204);
        assertThat(http.post(api + "new_bins", "{\"new_name\":\"x\",\"new_size\":3}").status()).isEqualTo(204);
        assertThat(http.delete(api + "EntityDefinitions(LogicalName='new_bin')/Attributes(LogicalName='new_size')").status()).isEqualTo(204);
        assertThat(http.get(api + "EntityDefinitions(LogicalName='new_bin')/Attributes(LogicalName='new_size')").status()).isEqualTo(404);
        assertThat(http.get(api + "new_bins?$select=new_name").status()).isEqualTo(200);
        WebApiHttp.Reply primary = http.delete(api + "EntityDefinitions(LogicalName='new_bin')/Attributes(LogicalName='new_name')");
        assertThat(primary.status()).isEqualTo(400);
        assertThat(primary.errorCode()).isEqualTo("0x80040315");
        WebApiHttp.Reply system = http.delete(api + "EntityDefinitions(LogicalName='account')");
        assertThat(system.status()).isEqualTo(400);
        assertThat(system.json().get("error").get("message").asString()).contains("system table");

        assertThat(http.delete(api + "EntityDefinitions(" + MetadataIds.entity("new_bin") + ")").status()).isEqualTo(204);
        assertThat(http.get(api + "EntityDefinitions(LogicalName='new_bin')").status()).isEqualTo(404);
        assertThat(http.get(api + "new_bins").status()).isEqualTo(404);
        assertThat(http.delete(api + "EntityDefinitions(LogicalName='new_bin')").status()).isEqualTo(404);
    }
}
