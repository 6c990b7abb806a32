package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateAttributeResponse;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/** Metadata writes over raw HTTP: createEntity, createAttribute, updateEntity, updateAttribute, and their faults. */
abstract class WebApiMetadataWritesContract extends WebApiServerContract {
    static String label(String text) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.Label\",\"LocalizedLabels\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.LocalizedLabel\","
                + "\"Label\":\"" + text + "\",\"LanguageCode\":1033}]}";
    }

    static String table(String schema, String extraAttributes) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityMetadata\",\"SchemaName\":\"" + schema + "\",\"DisplayName\":" + label("Bank")
                + ",\"DisplayCollectionName\":" + label("Banks") + ",\"Description\":" + label("A bank") + ",\"OwnershipType\":\"UserOwned\","
                + "\"IsActivity\":false,\"HasActivities\":false,\"HasNotes\":false,\"Attributes\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\","
                + "\"AttributeType\":\"String\",\"AttributeTypeName\":{\"Value\":\"StringType\"},\"SchemaName\":\"" + schema.substring(0, schema.indexOf('_'))
                + "_Name\",\"RequiredLevel\":{\"Value\":\"None\"},\"MaxLength\":120,\"FormatName\":{\"Value\":\"Text\"},\"DisplayName\":" + label("Name")
                + ",\"IsPrimaryName\":true}" + extraAttributes + "]}";
    }

    JsonNode get(String path) {
        WebApiHttp.Reply r = http.get(api + path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test void createEntityWithColumnsThenUseIt() {
        WebApiHttp.Reply r = http.post(api + "EntityDefinitions", table("new_Bank",
                ",{\"@odata.type\":\"Microsoft.Dynamics.CRM.IntegerAttributeMetadata\",\"SchemaName\":\"new_Floors\",\"MinValue\":0,\"MaxValue\":200,"
                        + "\"DisplayName\":" + label("Floors") + "}"
                        + ",{\"@odata.type\":\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\",\"SchemaName\":\"new_Tier\",\"OptionSet\":{"
                        + "\"@odata.type\":\"Microsoft.Dynamics.CRM.OptionSetMetadata\",\"IsGlobal\":false,\"OptionSetType\":\"Picklist\",\"Options\":["
                        + "{\"Value\":100000000,\"Label\":" + label("Gold") + "},{\"Value\":100000001,\"Label\":" + label("Silver") + "}]}}"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String id = MetadataIds.entity("new_bank").toString();
        assertThat(r.header("OData-EntityId")).isEqualTo(api + "EntityDefinitions(" + id + ")");

        JsonNode e = get("EntityDefinitions(" + id + ")");
        assertThat(e.get("LogicalName").asString()).isEqualTo("new_bank");
        assertThat(e.get("SchemaName").asString()).isEqualTo("new_Bank");
        assertThat(e.get("EntitySetName").asString()).isEqualTo("new_banks");
        assertThat(e.get("PrimaryIdAttribute").asString()).isEqualTo("new_bankid");
        assertThat(e.get("PrimaryNameAttribute").asString()).isEqualTo("new_name");
        assertThat(e.get("IsCustomEntity").asBoolean()).isTrue();
        assertThat(e.get("ObjectTypeCode").asInt()).isGreaterThanOrEqualTo(10000);
        assertThat(e.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Bank");
        assertThat(e.get("DisplayCollectionName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Banks");
        JsonNode tier = get("EntityDefinitions(LogicalName='new_bank')/Attributes(LogicalName='new_tier')");
        assertThat(tier.get("OptionSet").get("Options").get(1).get("Label").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Silver");
        assertThat(get("EntityDefinitions(LogicalName='new_bank')/Attributes(LogicalName='new_name')").get("MaxLength").asInt()).isEqualTo(120);

        WebApiHttp.Reply row = http.post(api + "new_banks", "{\"new_name\":\"First\",\"new_floors\":3,\"new_tier\":100000001}");
        assertThat(row.status()).as(row.body()).isEqualTo(204);
        String rowId = row.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
        JsonNode read = get("new_banks(" + rowId + ")?$select=new_name,new_floors,new_tier,statecode,_ownerid_value");
        assertThat(read.get("new_name").asString()).isEqualTo("First");
        assertThat(read.get("new_floors").asInt()).isEqualTo(3);
        assertThat(read.get("new_tier").asInt()).isEqualTo(100000001);
        assertThat(read.get("statecode").asInt()).isZero();
        assertThat(http.post(api + "new_banks", "{\"new_name\":\"x\",\"new_floors\":500}").status()).isEqualTo(400);
        assertThat(http.get(api + "$metadata").body()).contains("<EntityType Name=\"new_bank\"", "EntitySet Name=\"new_banks\"");

        WebApiHttp.Reply again = http.post(api + "EntityDefinitions", table("new_Bank", ""));
        assertThat(again.status()).isEqualTo(412);
        assertThat(again.errorCode()).isEqualTo("0x8004E30A");
    }

    @Test void badDefinitionsAreRefusedAndLeaveNothing() {
        WebApiHttp.Reply noPrefix = http.post(api + "EntityDefinitions", table("new_Ok", "").replace("\"SchemaName\":\"new_Ok\"", "\"SchemaName\":\"Plain\""));
        assertThat(noPrefix.status()).isEqualTo(400);
        assertThat(noPrefix.errorCode()).isEqualTo("0x80040203");
        assertThat(noPrefix.json().get("error").get("message").asString()).contains("prefix");
        WebApiHttp.Reply noPrimary = http.post(api + "EntityDefinitions", table("new_NoName", "").replace("\"IsPrimaryName\":true", "\"IsPrimaryName\":false"));
        assertThat(noPrimary.status()).isEqualTo(400);
        assertThat(noPrimary.json().get("error").get("message").asString()).contains("IsPrimaryName");
        WebApiHttp.Reply badColumn = http.post(api + "EntityDefinitions", table("new_Broken",
                ",{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Long\",\"MaxLength\":99999}"));
        assertThat(badColumn.status()).isEqualTo(400);
        assertThat(badColumn.json().get("error").get("message").asString()).contains("MaxLength");
        assertThat(http.get(api + "EntityDefinitions(LogicalName='new_broken')").status()).isEqualTo(404);
        assertThat(http.get(api + "new_brokens").status()).isEqualTo(404);

        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Basic", "Maker", "maker." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        WebApiHttp.Reply denied = new WebApiHttp(basic.token()).post(api + "EntityDefinitions", table("new_Denied", ""));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("0x80040220");
        assertThat(http.get(api + "EntityDefinitions(LogicalName='new_denied')").status()).isEqualTo(404);
        WebApiHttp.Reply deniedColumn = new WebApiHttp(basic.token()).post(api + "EntityDefinitions(LogicalName='account')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Denied\"}");
        assertThat(deniedColumn.status()).isEqualTo(403);
    }

    @Test void createAttributeOnASystemTableThenUpdateIt() {
        WebApiHttp.Reply r = http.post(api + "EntityDefinitions(LogicalName='account')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Code\",\"MaxLength\":20,"
                        + "\"RequiredLevel\":{\"Value\":\"None\"},\"DisplayName\":" + label("Code") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String attributeId = MetadataIds.attribute("account", "new_code").toString();
        assertThat(r.header("OData-EntityId")).isEqualTo(api + "EntityDefinitions(" + MetadataIds.entity("account") + ")/Attributes(" + attributeId + ")");
        JsonNode a = get("EntityDefinitions(LogicalName='account')/Attributes(" + attributeId + ")");
        assertThat(a.get("LogicalName").asString()).isEqualTo("new_code");
        assertThat(a.get("MaxLength").asInt()).isEqualTo(20);
        assertThat(a.get("IsCustomAttribute").asBoolean()).isTrue();
        assertThat(a.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Code");
        assertThat(http.post(api + "accounts", "{\"name\":\"With code\",\"new_code\":\"A-1\"}").status()).isEqualTo(204);
        assertThat(http.post(api + "accounts", "{\"name\":\"Too long\",\"new_code\":\"" + "x".repeat(21) + "\"}").status()).isEqualTo(400);

        WebApiHttp.Reply duplicate = http.post(api + "EntityDefinitions(LogicalName='account')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Code\"}");
        assertThat(duplicate.status()).isEqualTo(412);
        WebApiHttp.Reply lookup = http.post(api + "EntityDefinitions(LogicalName='account')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.LookupAttributeMetadata\",\"SchemaName\":\"new_Ref\",\"Targets\":[\"contact\"]}");
        assertThat(lookup.errorCode()).isEqualTo("0x80040315");

        // The client PUTs the definition it read, with its changes.
        String changed = a.toString().replace("\"Label\":\"Code\"", "\"Label\":\"Account code\"")
                .replace("\"RequiredLevel\":{\"Value\":\"None\"", "\"RequiredLevel\":{\"Value\":\"ApplicationRequired\"");
        WebApiHttp.Reply put = http.send("PUT", api + "EntityDefinitions(LogicalName='account')/Attributes(" + attributeId + ")", changed, "If-Match", "*");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        JsonNode after = get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_code')");
        assertThat(after.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Account code");
        assertThat(after.get("RequiredLevel").get("Value").asString()).isEqualTo("ApplicationRequired");
        WebApiHttp.Reply grow = http.send("PUT", api + "EntityDefinitions(LogicalName='account')/Attributes(" + attributeId + ")",
                "{\"MaxLength\":40}", "If-Match", "*");
        assertThat(grow.status()).as(grow.body()).isEqualTo(204);
        assertThat(get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_code')").get("MaxLength").asInt()).isEqualTo(40);
        assertThat(http.post(api + "accounts", "{\"name\":\"Longer code\",\"new_code\":\"" + "y".repeat(35) + "\"}").status()).isEqualTo(204);
        WebApiHttp.Reply shrink = http.send("PUT", api + "EntityDefinitions(LogicalName='account')/Attributes(" + attributeId + ")",
                "{\"MaxLength\":10}", "If-Match", "*");
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.errorCode()).isEqualTo("0x80040315");
        assertThat(after.get("RequiredLevel").get("Value").asString()).isEqualTo("ApplicationRequired");
        assertThat(server.org().metadata().entity("account").attribute("new_code").customized()).isTrue();

        String accountId = MetadataIds.entity("account").toString();
        WebApiHttp.Reply entity = http.send("PUT", api + "EntityDefinitions(" + accountId + ")",
                "{\"MetadataId\":\"" + accountId + "\",\"LogicalName\":\"account\",\"DisplayName\":" + label("Customer") + "}", "If-Match", "*");
        assertThat(entity.status()).as(entity.body()).isEqualTo(204);
        JsonNode account = get("EntityDefinitions(LogicalName='account')?$select=DisplayName,DisplayCollectionName");
        assertThat(account.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Customer");
    }

    /** The same message over the SDK protocol, with the Java client: one engine behind both surfaces. */
    @Test void createAttributeThroughTheSdkProtocol() {
        org.xrm4j.client.HttpOrganizationService service = org.xrm4j.client.HttpOrganizationService.builder()
                .baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
        CreateAttributeResponse r = (CreateAttributeResponse) service.execute(new CreateAttributeRequest().entityName("contact")
                .attribute(new Entity("attributemetadata").set("SchemaName", "new_Score").set("AttributeType", "Decimal")
                        .set("Precision", 3).set("DisplayName", "Score")));
        assertThat(r.attributeId()).isEqualTo(MetadataIds.attribute("contact", "new_score"));
        JsonNode a = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='new_score')");
        assertThat(a.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.DecimalAttributeMetadata");
        assertThat(a.get("Precision").asInt()).isEqualTo(3);
        assertThat(http.post(api + "contacts", "{\"lastname\":\"Scored\",\"new_score\":1.125}").status()).isEqualTo(204);
    }

    /** Several metadata changes in one change set build on each other, and a failure undoes all of them. */
    @Test void metadataChangesInOneChangeSet() {
        String column = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"%s\",\"MaxLength\":30}";
        BatchBody both = new BatchBody()
                .change("1", "POST", api + "EntityDefinitions(LogicalName='contact')/Attributes", column.formatted("new_First"))
                .change("2", "POST", api + "EntityDefinitions(LogicalName='contact')/Attributes", column.formatted("new_Second"));
        WebApiHttp.Reply r = http.batch(api + "$batch", both.build(), both.contentType());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(http.post(api + "contacts", "{\"lastname\":\"Both\",\"new_first\":\"a\",\"new_second\":\"b\"}").status()).isEqualTo(204);
        assertThat(server.org().metadata().entity("contact").has("new_first")).isTrue();

        BatchBody failing = new BatchBody()
                .change("1", "POST", api + "EntityDefinitions(LogicalName='contact')/Attributes", column.formatted("new_Third"))
                .change("2", "POST", api + "EntityDefinitions(LogicalName='contact')/Attributes", column.formatted("new_Third"));
        WebApiHttp.Reply failed = http.batch(api + "$batch", failing.build(), failing.contentType());
        assertThat(failed.body()).contains("0x8004E30A");
        assertThat(http.get(api + "EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='new_third')").status()).isEqualTo(404);
        assertThat(http.post(api + "contacts", "{\"lastname\":\"Third\",\"new_third\":\"c\"}").status()).isEqualTo(400);
        // The column is gone from the database too: it can be created again.
        assertThat(http.post(api + "EntityDefinitions(LogicalName='contact')/Attributes", column.formatted("new_Third")).status()).isEqualTo(204);
        assertThat(http.post(api + "contacts", "{\"lastname\":\"Third\",\"new_third\":\"c\"}").status()).isEqualTo(204);
    }
}
