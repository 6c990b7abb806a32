package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.MetadataIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relationship and global option set definitions over raw HTTP: POST/PUT/DELETE RelationshipDefinitions and
 * GlobalOptionSetDefinitions, a new lookup and a new many-to-many used by records at once (through {@code @odata.bind},
 * {@code $expand}, {@code $ref} and {@code $metadata}), a choice column bound to a global option set, and the faults.
 */
abstract class WebApiRelationshipsContract extends WebApiServerContract {
    static String label(String text) { return WebApiMetadataWritesContract.label(text); }

    @BeforeAll void tables() {
        for (String schema : new String[] {"wr_Project", "wr_Task"}) {
            WebApiHttp.Reply r = http.post(api + "EntityDefinitions", WebApiMetadataWritesContract.table(schema, ""));
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
    }

    JsonNode get(String path) {
        WebApiHttp.Reply r = http.get(api + path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String oneToMany(String schema, String referenced, String referencing, String lookup, String navigation, String delete) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata\",\"SchemaName\":\"" + schema + "\","
                + "\"ReferencedEntity\":\"" + referenced + "\",\"ReferencingEntity\":\"" + referencing + "\","
                + (navigation == null ? "" : "\"ReferencedEntityNavigationPropertyName\":\"" + navigation + "\",")
                + "\"CascadeConfiguration\":{\"Assign\":\"NoCascade\",\"Delete\":\"" + delete + "\",\"Merge\":\"NoCascade\",\"Reparent\":\"NoCascade\","
                + "\"Share\":\"NoCascade\",\"Unshare\":\"NoCascade\",\"RollupView\":\"NoCascade\"},"
                + "\"Lookup\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.LookupAttributeMetadata\",\"AttributeType\":\"Lookup\","
                + "\"AttributeTypeName\":{\"Value\":\"LookupType\"},\"SchemaName\":\"" + lookup + "\",\"DisplayName\":" + label("Project")
                + ",\"RequiredLevel\":{\"Value\":\"None\",\"CanBeChanged\":true}}}";
    }

    String idOf(WebApiHttp.Reply r) { return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1"); }

    @Test void aOneToManyIsCreatedUsedChangedAndDeleted() {
        WebApiHttp.Reply created = http.post(api + "RelationshipDefinitions",
                oneToMany("wr_project_wr_task", "wr_project", "wr_task", "wr_ProjectId", "wr_project_tasks", "RemoveLink"));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        String id = MetadataIds.relationship("wr_project_wr_task").toString();
        assertThat(created.header("OData-EntityId")).isEqualTo(api + "RelationshipDefinitions(" + id + ")");

        JsonNode r = get("RelationshipDefinitions(SchemaName='wr_project_wr_task')");
        assertThat(r.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata");
        assertThat(r.get("ReferencingAttribute").asString()).isEqualTo("wr_projectid");
        assertThat(r.get("ReferencedEntityNavigationPropertyName").asString()).isEqualTo("wr_project_tasks");
        assertThat(r.get("IsCustomRelationship").asBoolean()).isTrue();
        assertThat(r.get("CascadeConfiguration").get("Delete").asString()).isEqualTo("RemoveLink");
        JsonNode lookup = get("EntityDefinitions(LogicalName='wr_task')/Attributes(LogicalName='wr_projectid')");
        assertThat(lookup.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.LookupAttributeMetadata");
        assertThat(lookup.get("Targets").get(0).asString()).isEqualTo("wr_project");
        assertThat(get("EntityDefinitions(LogicalName='wr_project')/OneToManyRelationships").get("value"))
                .anySatisfy(x -> assertThat(x.get("SchemaName").asString()).isEqualTo("wr_project_wr_task"));

        String csdl = http.get(api + "$metadata").body();
        assertThat(csdl).contains("<NavigationProperty Name=\"wr_projectid\" Type=\"mscrm.wr_project\"")
                .contains("<NavigationProperty Name=\"wr_project_tasks\" Type=\"Collection(mscrm.wr_task)\"");

        String project = idOf(http.post(api + "wr_projects", "{\"wr_name\":\"Apollo\"}"));
        WebApiHttp.Reply task = http.post(api + "wr_tasks", "{\"wr_name\":\"Launch\",\"wr_projectid@odata.bind\":\"/wr_projects(" + project + ")\"}");
        assertThat(task.status()).as(task.body()).isEqualTo(204);
        String taskId = idOf(task);
        assertThat(get("wr_tasks(" + taskId + ")?$select=_wr_projectid_value").get("_wr_projectid_value").asString()).isEqualTo(project);
        JsonNode expanded = get("wr_projects(" + project + ")?$select=wr_name&$expand=wr_project_tasks($select=wr_name)");
        assertThat(expanded.get("wr_project_tasks").get(0).get("wr_name").asString()).isEqualTo("Launch");
        assertThat(get("wr_tasks(" + taskId + ")?$select=wr_name&$expand=wr_projectid($select=wr_name)").get("wr_projectid").get("wr_name").asString())
                .isEqualTo("Apollo");

        ObjectNode update = (ObjectNode) get("RelationshipDefinitions(" + id + ")/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata");
        ((ObjectNode) update.get("CascadeConfiguration")).put("Delete", "Cascade");
        WebApiHttp.Reply put = http.send("PUT", api + "RelationshipDefinitions(" + id + ")/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
                update.toString(), "If-Match", "*");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(get("RelationshipDefinitions(" + id + ")").get("CascadeConfiguration").get("Delete").asString()).isEqualTo("Cascade");
        assertThat(http.delete(api + "wr_projects(" + project + ")").status()).isEqualTo(204);
        assertThat(http.get(api + "wr_tasks(" + taskId + ")").status()).isEqualTo(404);

        WebApiHttp.Reply deleted = http.delete(api + "RelationshipDefinitions(" + id + ")");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http.get(api + "RelationshipDefinitions(" + id + ")").status()).isEqualTo(404);
        assertThat(http.get(api + "EntityDefinitions(LogicalName='wr_task')/Attributes(LogicalName='wr_projectid')").status()).isEqualTo(404);
        assertThat(http.get(api + "$metadata").body()).doesNotContain("wr_project_tasks");
    }

    @Test void aManyToManyIsCreatedAssociatedAndDeleted() {
        WebApiHttp.Reply created = http.post(api + "RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata\","
                + "\"SchemaName\":\"wr_project_contact\",\"Entity1LogicalName\":\"wr_project\",\"Entity2LogicalName\":\"contact\","
                + "\"IntersectEntityName\":\"wr_project_contact\",\"Entity1AssociatedMenuConfiguration\":{\"Behavior\":\"UseLabel\",\"Group\":\"Details\","
                + "\"Label\":" + label("Contacts") + ",\"Order\":10000}}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        String id = MetadataIds.relationship("wr_project_contact").toString();
        assertThat(created.header("OData-EntityId")).isEqualTo(api + "RelationshipDefinitions(" + id + ")");
        JsonNode r = get("RelationshipDefinitions(" + id + ")");
        assertThat(r.get("IntersectEntityName").asString()).isEqualTo("wr_project_contact");
        assertThat(r.get("Entity1IntersectAttribute").asString()).isEqualTo("wr_projectid");
        assertThat(http.get(api + "$metadata").body()).contains("<NavigationProperty Name=\"wr_project_contact\" Type=\"Collection(mscrm.contact)\"");

        String project = idOf(http.post(api + "wr_projects", "{\"wr_name\":\"Gemini\"}"));
        String contact = idOf(http.post(api + "contacts", "{\"lastname\":\"Crew\"}"));
        WebApiHttp.Reply link = http.post(api + "wr_projects(" + project + ")/wr_project_contact/$ref",
                "{\"@odata.id\":\"" + api + "contacts(" + contact + ")\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(204);
        JsonNode expanded = get("wr_projects(" + project + ")?$select=wr_name&$expand=wr_project_contact($select=lastname)");
        assertThat(expanded.get("wr_project_contact").get(0).get("lastname").asString()).isEqualTo("Crew");
        JsonNode related = get("contacts(" + contact + ")/wr_project_contact?$select=wr_name");
        assertThat(related.get("value").get(0).get("wr_name").asString()).isEqualTo("Gemini");

        WebApiHttp.Reply deleted = http.delete(api + "RelationshipDefinitions(SchemaName='wr_project_contact')");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http.get(api + "RelationshipDefinitions(SchemaName='wr_project_contact')").status()).isEqualTo(404);
        assertThat(http.get(api + "$metadata").body()).doesNotContain("wr_project_contact");
    }

    @Test void aGlobalOptionSetIsCreatedSharedChangedAndDeleted() {
        WebApiHttp.Reply created = http.post(api + "GlobalOptionSetDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.OptionSetMetadata\","
                + "\"Name\":\"wr_colour\",\"DisplayName\":" + label("Colour") + ",\"Description\":" + label("Colours") + ",\"IsGlobal\":true,"
                + "\"OptionSetType\":\"Picklist\",\"Options\":[{\"Value\":100000000,\"Label\":" + label("Red") + "},{\"Label\":" + label("Blue") + "}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        String id = MetadataIds.optionSet("wr_colour").toString();
        assertThat(created.header("OData-EntityId")).isEqualTo(api + "GlobalOptionSetDefinitions(" + id + ")");
        JsonNode set = get("GlobalOptionSetDefinitions(Name='wr_colour')");
        assertThat(set.get("MetadataId").asString()).isEqualTo(id);
        assertThat(set.get("IsGlobal").asBoolean()).isTrue();
        assertThat(set.get("Options").get(1).get("Value").asInt()).isEqualTo(100000001);
        assertThat(set.get("Options").get(1).get("Label").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Blue");
        assertThat(get("GlobalOptionSetDefinitions").get("value")).anySatisfy(x -> assertThat(x.get("Name").asString()).isEqualTo("wr_colour"));

        ObjectNode update = (ObjectNode) set.deepCopy();
        update.set("DisplayName", WebApiHttp.JSON.readTree(label("Color")));
        WebApiHttp.Reply put = http.send("PUT", api + "GlobalOptionSetDefinitions(" + id + ")", update.toString(), "If-Match", "*");
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(get("GlobalOptionSetDefinitions(" + id + ")").get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Color");

        WebApiHttp.Reply column = http.post(api + "EntityDefinitions(LogicalName='wr_task')/Attributes", "{\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\",\"SchemaName\":\"wr_Colour\",\"DisplayName\":" + label("Colour")
                + ",\"GlobalOptionSet@odata.bind\":\"/GlobalOptionSetDefinitions(" + id + ")\"}");
        assertThat(column.status()).as(column.body()).isEqualTo(204);
        JsonNode attribute = get("EntityDefinitions(LogicalName='wr_task')/Attributes(LogicalName='wr_colour')");
        assertThat(attribute.get("OptionSet").get("Name").asString()).isEqualTo("wr_colour");
        assertThat(attribute.get("OptionSet").get("IsGlobal").asBoolean()).isTrue();
        assertThat(attribute.get("OptionSet").get("Options")).hasSize(2);
        assertThat(http.post(api + "wr_tasks", "{\"wr_name\":\"blue\",\"wr_colour\":100000001}").status()).isEqualTo(204);

        WebApiHttp.Reply used = http.delete(api + "GlobalOptionSetDefinitions(Name='wr_colour')");
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.errorCode()).isEqualTo("0x80040227");
        assertThat(http.delete(api + "EntityDefinitions(LogicalName='wr_task')/Attributes(LogicalName='wr_colour')").status()).isEqualTo(204);
        assertThat(http.delete(api + "GlobalOptionSetDefinitions(Name='wr_colour')").status()).isEqualTo(204);
        assertThat(http.get(api + "GlobalOptionSetDefinitions(" + id + ")").status()).isEqualTo(404);
    }

    @Test void faults() {
        WebApiHttp.Reply lookup = http.post(api + "EntityDefinitions(LogicalName='wr_task')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.LookupAttributeMetadata\",\"SchemaName\":\"wr_OtherId\",\"Targets\":[\"account\"]}");
        assertThat(lookup.errorCode()).isEqualTo("0x80040315");
        assertThat(lookup.json().get("error").get("message").asString()).contains("CreateOneToMany").contains("RelationshipDefinitions");

        WebApiHttp.Reply untyped = http.post(api + "RelationshipDefinitions", "{\"SchemaName\":\"wr_what\"}");
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply noLookup = http.post(api + "RelationshipDefinitions", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata\","
                + "\"SchemaName\":\"wr_nolookup\",\"ReferencedEntity\":\"account\",\"ReferencingEntity\":\"wr_task\"}");
        assertThat(noLookup.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply unknownTable = http.post(api + "RelationshipDefinitions", oneToMany("wr_nothing_wr_task", "wr_nothing", "wr_task", "wr_NothingId", null, "RemoveLink"));
        assertThat(unknownTable.status()).isEqualTo(400);
        assertThat(http.delete(api + "RelationshipDefinitions(SchemaName='contact_customer_accounts')").errorCode()).isEqualTo("0x80040315");
        assertThat(http.delete(api + "RelationshipDefinitions(SchemaName='wr_missing')").status()).isEqualTo(404);
        assertThat(http.delete(api + "GlobalOptionSetDefinitions(Name='wr_missing')").status()).isEqualTo(404);
        WebApiHttp.Reply badBind = http.post(api + "EntityDefinitions(LogicalName='wr_task')/Attributes", "{\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\",\"SchemaName\":\"wr_Size\",\"GlobalOptionSet@odata.bind\":\"/GlobalOptionSetDefinitions(Name='wr_nosuch')\"}");
        assertThat(badBind.status()).isEqualTo(404);

        WebApiHttp basic = new WebApiHttp(server.server().engine().deployment().createUser(server.org(), "Bo", "Basic",
                "bo." + java.util.UUID.randomUUID() + "@example.com", org.xrm4j.server.security.Role.BasicUser).token());
        WebApiHttp.Reply denied = basic.post(api + "RelationshipDefinitions", oneToMany("wr_account_wr_task", "account", "wr_task", "wr_AccountId", null, "RemoveLink"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("0x80040220");
    }
}
