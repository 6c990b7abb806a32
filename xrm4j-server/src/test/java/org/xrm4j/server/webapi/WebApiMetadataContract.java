package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.solutions.SolutionFixtures;
import tools.jackson.databind.JsonNode;

/** Metadata reads over raw HTTP: EntityDefinitions, Attributes, RelationshipDefinitions, GlobalOptionSetDefinitions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebApiMetadataContract {
    TestServers.TestServer server;
    WebApiHttp http;
    String api;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        http = new WebApiHttp(TestServers.ADMIN_TOKEN);
        api = server.orgUrl() + "/api/data/v9.2/";
        // A solution adds a custom table with a global option set, so that custom and system definitions both exist.
        WebApiHttp.Reply r = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + Base64.getEncoder().encodeToString(SolutionFixtures.leaveSolution("MetaLeave", "1.0.0.0", "xt_Leave"))
                + "\",\"ImportJobId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    JsonNode ok(WebApiHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.json();
    }

    static List<String> strings(JsonNode array, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.get(property).asString());
        return out;
    }

    static JsonNode find(JsonNode array, String property, String value) {
        for (JsonNode n : array) if (value.equals(n.get(property).asString())) return n;
        throw new AssertionError("no " + property + " = " + value + " in " + array);
    }

    @Test void listWithSelectIsWhatUseEntityNamesReads() {
        JsonNode j = ok(http.get(api + "EntityDefinitions?$select=EntitySetName,LogicalName", "Cache-Control", "no-cache"));
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#EntityDefinitions(EntitySetName,LogicalName)");
        JsonNode account = find(j.get("value"), "LogicalName", "account");
        assertThat(account.get("EntitySetName").asString()).isEqualTo("accounts");
        assertThat(account.propertyNames()).containsExactlyInAnyOrder("EntitySetName", "LogicalName", "MetadataId");
        assertThat(find(j.get("value"), "LogicalName", "xt_leave").get("EntitySetName").asString()).isEqualTo("xt_leaves");
    }

    @Test void filterOnSimpleProperties() {
        JsonNode custom = ok(http.get(api + "EntityDefinitions?$select=LogicalName,IsCustomEntity&$filter=" + WebApiContract.filter("IsCustomEntity eq true")));
        assertThat(strings(custom.get("value"), "LogicalName")).contains("xt_leave").doesNotContain("account", "contact");
        JsonNode one = ok(http.get(api + "EntityDefinitions?$select=LogicalName&$filter=" + WebApiContract.filter("LogicalName eq 'contact'")));
        assertThat(strings(one.get("value"), "LogicalName")).containsExactly("contact");
        JsonNode both = ok(http.get(api + "EntityDefinitions?$select=LogicalName&$filter="
                + WebApiContract.filter("LogicalName eq 'contact' or (ObjectTypeCode eq 1 and IsCustomEntity eq false)")));
        assertThat(strings(both.get("value"), "LogicalName")).containsExactlyInAnyOrder("contact", "account");
        assertThat(http.get(api + "EntityDefinitions?$filter=" + WebApiContract.filter("LogicalName eq")).status()).isEqualTo(400);
    }

    @Test void oneTableByLogicalNameAndByMetadataId() {
        JsonNode a = ok(http.get(api + "EntityDefinitions(LogicalName='account')"));
        assertThat(a.get("@odata.context").asString()).isEqualTo(api + "$metadata#EntityDefinitions/$entity");
        assertThat(a.get("LogicalName").asString()).isEqualTo("account");
        assertThat(a.get("SchemaName").asString()).isEqualTo("account");
        assertThat(a.get("EntitySetName").asString()).isEqualTo("accounts");
        assertThat(a.get("PrimaryIdAttribute").asString()).isEqualTo("accountid");
        assertThat(a.get("PrimaryNameAttribute").asString()).isEqualTo("name");
        assertThat(a.get("ObjectTypeCode").asInt()).isEqualTo(1);
        assertThat(a.get("IsCustomEntity").asBoolean()).isFalse();
        assertThat(a.get("OwnershipType").asString()).isEqualTo("UserOwned");
        assertThat(a.get("DisplayName").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("account");
        assertThat(a.get("DisplayName").get("LocalizedLabels").get(0).get("LanguageCode").asInt()).isEqualTo(1033);
        String id = a.get("MetadataId").asString();
        JsonNode byId = ok(http.get(api + "EntityDefinitions(" + id + ")?$select=LogicalName"));
        assertThat(byId.get("LogicalName").asString()).isEqualTo("account");
        assertThat(byId.get("@odata.context").asString()).isEqualTo(api + "$metadata#EntityDefinitions(LogicalName)/$entity");

        JsonNode leave = ok(http.get(api + "EntityDefinitions(LogicalName='xt_leave')?$select=ObjectTypeCode,IsCustomEntity,SchemaName"));
        assertThat(leave.get("ObjectTypeCode").asInt()).isGreaterThanOrEqualTo(10000);
        assertThat(leave.get("IsCustomEntity").asBoolean()).isTrue();
        assertThat(leave.get("SchemaName").asString()).isEqualTo("xt_Leave");
        // The solution file's display name is the table's DisplayName.
        assertThat(ok(http.get(api + "EntityDefinitions(LogicalName='xt_leave')?$select=DisplayName")).get("DisplayName")
                .get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Leave");

        WebApiHttp.Reply missing = http.get(api + "EntityDefinitions(LogicalName='nosuchtable')");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
    }

    @Test void expandAttributesWithNestedOptions() {
        JsonNode j = ok(http.get(api + "EntityDefinitions(LogicalName='account')?$select=LogicalName,EntitySetName,PrimaryIdAttribute"
                + "&$expand=Attributes($select=LogicalName,AttributeType;$filter=" + WebApiContract.filter("AttributeType eq 'Money'") + ")"));
        assertThat(j.get("PrimaryIdAttribute").asString()).isEqualTo("accountid");
        JsonNode attributes = j.get("Attributes");
        assertThat(strings(attributes, "LogicalName")).contains("revenue").doesNotContain("name");
        assertThat(attributes.get(0).get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.MoneyAttributeMetadata");
        JsonNode all = ok(http.get(api + "EntityDefinitions(LogicalName='contact')?$select=LogicalName&$expand=Attributes($select=LogicalName)"));
        assertThat(strings(all.get("Attributes"), "LogicalName")).contains("contactid", "fullname", "parentcustomerid");
    }

    @Test void attributesOfATableAllCastAndOne() {
        JsonNode all = ok(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes"));
        JsonNode revenue = find(all.get("value"), "LogicalName", "revenue");
        assertThat(revenue.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.MoneyAttributeMetadata");
        assertThat(revenue.get("AttributeTypeName").get("Value").asString()).isEqualTo("MoneyType");
        assertThat(revenue.get("Precision").asInt()).isEqualTo(2);
        JsonNode name = find(all.get("value"), "LogicalName", "name");
        assertThat(name.get("IsPrimaryName").asBoolean()).isTrue();
        assertThat(name.get("MaxLength").asInt()).isEqualTo(160);
        assertThat(find(all.get("value"), "LogicalName", "accountid").get("IsPrimaryId").asBoolean()).isTrue();

        JsonNode strings = ok(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength"));
        assertThat(strings.get("@odata.context").asString()).endsWith("/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata");
        assertThat(strings(strings.get("value"), "LogicalName")).contains("name", "telephone1").doesNotContain("revenue", "accountid");
        for (JsonNode s : strings.get("value")) assertThat(s.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");

        JsonNode industry = ok(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='industrycode')"));
        assertThat(industry.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.PicklistAttributeMetadata");
        JsonNode consulting = find(industry.get("OptionSet").get("Options"), "Value", "7");
        assertThat(consulting.get("Label").get("UserLocalizedLabel").get("Label").asString()).isEqualTo("Consulting");
        JsonNode cast = ok(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='industrycode')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet"));
        assertThat(cast.get("OptionSet").get("Options").size()).isEqualTo(industry.get("OptionSet").get("Options").size());

        JsonNode lookup = ok(http.get(api + "EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='parentcustomerid')"));
        assertThat(lookup.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.LookupAttributeMetadata");
        assertThat(lookup.get("AttributeType").asString()).isEqualTo("Customer");
        assertThat(lookup.get("Targets").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("account", "contact");
        String id = lookup.get("MetadataId").asString();
        assertThat(ok(http.get(api + "EntityDefinitions(LogicalName='contact')/Attributes(" + id + ")?$select=LogicalName")).get("LogicalName").asString())
                .isEqualTo("parentcustomerid");

        JsonNode state = ok(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='statecode')"));
        assertThat(state.get("RequiredLevel").get("Value").asString()).isEqualTo("SystemRequired");
        assertThat(find(state.get("OptionSet").get("Options"), "Value", "1").get("DefaultStatus").asInt()).isEqualTo(2);

        assertThat(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='nosuch')").status()).isEqualTo(404);
        assertThat(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')/Microsoft.Dynamics.CRM.MoneyAttributeMetadata")
                .status()).isEqualTo(404);
        assertThat(http.get(api + "EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.NoSuchMetadata").status()).isEqualTo(404);
    }

    @Test void relationshipsAndGlobalOptionSets() {
        JsonNode r = ok(http.get(api + "RelationshipDefinitions(SchemaName='account_primary_contact')"));
        assertThat(r.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata");
        assertThat(r.get("ReferencedEntity").asString()).isEqualTo("contact");
        assertThat(r.get("ReferencingEntity").asString()).isEqualTo("account");
        assertThat(r.get("ReferencingAttribute").asString()).isEqualTo("primarycontactid");
        assertThat(r.get("IsCustomRelationship").asBoolean()).isFalse();
        assertThat(ok(http.get(api + "RelationshipDefinitions(SchemaName='xt_systemuser_xt_leave_approver')")).get("IsCustomRelationship").asBoolean()).isTrue();
        JsonNode many = ok(http.get(api + "RelationshipDefinitions/Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata?$select=SchemaName,IntersectEntityName"));
        assertThat(strings(many.get("value"), "SchemaName")).contains("xt_leave_contact");
        JsonNode referencing = ok(http.get(api + "RelationshipDefinitions?$select=SchemaName,ReferencingEntity&$filter="
                + WebApiContract.filter("ReferencingEntity eq 'account'")));
        assertThat(strings(referencing.get("value"), "ReferencingEntity")).isNotEmpty().allMatch("account"::equals);
        JsonNode manyToOne = ok(http.get(api + "EntityDefinitions(LogicalName='account')/ManyToOneRelationships?$select=SchemaName"));
        assertThat(strings(manyToOne.get("value"), "SchemaName")).contains("account_primary_contact", "account_parent_account");

        JsonNode sets = ok(http.get(api + "GlobalOptionSetDefinitions"));
        JsonNode reason = find(sets.get("value"), "Name", "xt_leavereason");
        assertThat(reason.get("IsGlobal").asBoolean()).isTrue();
        assertThat(reason.get("Options").size()).isEqualTo(2);
        assertThat(ok(http.get(api + "GlobalOptionSetDefinitions(Name='xt_leavereason')")).get("Options").get(0).get("Value").asInt()).isEqualTo(123450000);
        assertThat(http.get(api + "GlobalOptionSetDefinitions(Name='nosuch')").status()).isEqualTo(404);
    }

    @Test void metadataNeedsAToken() {
        assertThat(new WebApiHttp(null).get(api + "EntityDefinitions").status()).isEqualTo(401);
    }

    /** The elements with this local name under {@code parent}, as a list. */
    static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        org.w3c.dom.NodeList nodes = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) out.add((org.w3c.dom.Element) nodes.item(i));
        return out;
    }

    static org.w3c.dom.Element only(List<org.w3c.dom.Element> elements, String name) {
        return elements.stream().filter(e -> name.equals(e.getAttribute("Name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element named " + name));
    }

    @Test void csdlDocumentIsConsistent() throws Exception {
        WebApiHttp.Reply r = http.get(api + "$metadata", "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(r.body()))).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Edmx");
        assertThat(root.getAttribute("Version")).isEqualTo("4.0");
        org.w3c.dom.Element schema = children(root, "Schema").getFirst();
        assertThat(schema.getAttribute("Namespace")).isEqualTo("Microsoft.Dynamics.CRM");
        assertThat(schema.getAttribute("Alias")).isEqualTo("mscrm");

        java.util.Map<String, org.w3c.dom.Element> types = new java.util.HashMap<>();
        for (org.w3c.dom.Element t : children(schema, "EntityType")) types.put(t.getAttribute("Name"), t);
        java.util.function.Function<String, String> local = t -> t.replaceAll("^Collection\\((.*)\\)$", "$1").replaceAll("^(mscrm|Microsoft\\.Dynamics\\.CRM)\\.", "");
        java.util.function.BiPredicate<org.w3c.dom.Element, String> hasProperty = (type, name) ->
                children(type, "Property").stream().anyMatch(p -> p.getAttribute("Name").equals(name));
        int navigations = 0;
        for (org.w3c.dom.Element t : types.values()) {
            if (t.getAttribute("Abstract").equals("true")) continue;
            for (org.w3c.dom.Element ref : children(t, "PropertyRef")) assertThat(hasProperty.test(t, ref.getAttribute("Name"))).isTrue();
            for (org.w3c.dom.Element n : children(t, "NavigationProperty")) {
                navigations++;
                org.w3c.dom.Element target = types.get(local.apply(n.getAttribute("Type")));
                assertThat(target).as(t.getAttribute("Name") + "." + n.getAttribute("Name") + " -> " + n.getAttribute("Type")).isNotNull();
                if (!n.getAttribute("Partner").isEmpty()) {
                    assertThat(children(target, "NavigationProperty").stream().anyMatch(p -> p.getAttribute("Name").equals(n.getAttribute("Partner"))))
                            .as("partner " + n.getAttribute("Partner") + " of " + t.getAttribute("Name") + "." + n.getAttribute("Name")).isTrue();
                }
                for (org.w3c.dom.Element c : children(n, "ReferentialConstraint")) {
                    assertThat(hasProperty.test(t, c.getAttribute("Property"))).isTrue();
                    assertThat(hasProperty.test(target, c.getAttribute("ReferencedProperty"))).isTrue();
                }
            }
        }
        assertThat(navigations).isGreaterThan(50);
        org.w3c.dom.Element container = children(schema, "EntityContainer").getFirst();
        List<String> sets = new ArrayList<>();
        for (org.w3c.dom.Element set : children(container, "EntitySet")) {
            sets.add(set.getAttribute("Name"));
            assertThat(types).containsKey(local.apply(set.getAttribute("EntityType")));
        }
        assertThat(sets).contains("accounts", "contacts", "xt_leaves", "asyncoperations", "importjobs");

        org.w3c.dom.Element account = types.get("account");
        org.w3c.dom.Element lookup = only(children(account, "Property"), "_primarycontactid_value");
        assertThat(lookup.getAttribute("Type")).isEqualTo("Edm.Guid");
        assertThat(only(children(account, "Property"), "revenue").getAttribute("Type")).isEqualTo("Edm.Decimal");
        assertThat(only(children(account, "Property"), "name").getAttribute("MaxLength")).isEqualTo("160");
        org.w3c.dom.Element primaryContact = only(children(account, "NavigationProperty"), "primarycontactid");
        assertThat(primaryContact.getAttribute("Type")).isEqualTo("mscrm.contact");
        assertThat(primaryContact.getAttribute("Partner")).isEqualTo("account_primary_contact");
        assertThat(only(children(types.get("contact"), "NavigationProperty"), "account_primary_contact").getAttribute("Type"))
                .isEqualTo("Collection(mscrm.account)");
        assertThat(only(children(types.get("contact"), "NavigationProperty"), "parentcustomerid_account").getAttribute("Type")).isEqualTo("mscrm.account");
        assertThat(only(children(types.get("contact"), "NavigationProperty"), "parentcustomerid_contact").getAttribute("Type")).isEqualTo("mscrm.contact");

        List<String> actions = children(schema, "Action").stream().map(a -> a.getAttribute("Name")).toList();
        assertThat(actions).contains("Merge", "ImportSolution", "ImportSolutionAsync", "DeleteAndPromote", "CreateMultiple", "UpdateMultiple", "UpsertMultiple");
        assertThat(children(schema, "Function").stream().map(a -> a.getAttribute("Name"))).contains("WhoAmI");
        assertThat(children(container, "ActionImport").stream().map(a -> a.getAttribute("Name"))).contains("Merge", "ImportSolution");
    }
}
