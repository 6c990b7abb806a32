package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Web API's reads beyond plain queries over raw HTTP: {@code $expand} on retrieves and queries, annotations asked
 * for with {@code Prefer: odata.include-annotations}, {@code fetchXml=} queries with their paging cookie, navigation
 * paths and query functions in {@code $filter}; alone and inside {@code $batch}.
 */
abstract class WebApiReadsContract extends WebApiServerContract {
    /** An account with a primary contact and three contacts of its own; ids in that order. */
    List<String> family(String prefix) {
        String primary = create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"Primary\"}");
        String account = create("accounts", "{\"name\":\"" + prefix + " Account\",\"primarycontactid@odata.bind\":\"/contacts(" + primary + ")\"}");
        List<String> ids = new ArrayList<>(List.of(primary, account));
        for (String last : List.of("Ames", "Baker", "Cole")) {
            ids.add(create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"" + last
                    + "\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}"));
        }
        return ids;
    }

    @Test void expandOnRetrieveBringsSingleAndCollectionValuedNavigationProperties() {
        String prefix = "Exp" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        WebApiHttp.Reply r = http.get(api + "accounts(" + ids.get(1) + ")?$select=name&$expand=primarycontactid($select=fullname),"
                + "contact_customer_accounts($select=fullname;$filter=" + encode("lastname ne 'Ames'") + ";$orderby=" + encode("fullname desc")
                + ";$top=5)");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("name").asString()).isEqualTo(prefix + " Account");
        assertThat(j.get("primarycontactid").get("fullname").asString()).isEqualTo(prefix + " Primary");
        assertThat(j.get("primarycontactid").get("contactid").asString()).isEqualTo(ids.get(0));
        assertThat(j.get("primarycontactid").get("@odata.etag").asString()).startsWith("W/\"");
        assertThat(j.get("contact_customer_accounts").valueStream().map(c -> c.get("fullname").asString()))
                .containsExactly(prefix + " Cole", prefix + " Baker");

        JsonNode top = http.get(api + "accounts(" + ids.get(1) + ")?$select=name&$expand=contact_customer_accounts($select=lastname;"
                + "$orderby=lastname;$top=2)").json();
        assertThat(top.get("contact_customer_accounts").valueStream().map(c -> c.get("lastname").asString())).containsExactly("Ames", "Baker");

        // A contact's polymorphic lookup, and a lookup without a value.
        JsonNode contact = http.get(api + "contacts(" + ids.get(2) + ")?$select=lastname&$expand=parentcustomerid_account($select=name),"
                + "parentcustomerid_contact($select=fullname)").json();
        assertThat(contact.get("parentcustomerid_account").get("name").asString()).isEqualTo(prefix + " Account");
        assertThat(contact.get("parentcustomerid_contact").isNull()).isTrue();
        JsonNode primary = http.get(api + "contacts(" + ids.get(0) + ")?$select=lastname&$expand=parentcustomerid_account").json();
        assertThat(primary.get("parentcustomerid_account").isNull()).isTrue();
    }

    @Test void expandOnQueriesLinksSingleValuedAndReadsCollectionsPerRecord() {
        String prefix = "ExpQ" + UUID.randomUUID().toString().substring(0, 6);
        List<String> first = family(prefix + "A");
        List<String> second = family(prefix + "B");
        create("accounts", "{\"name\":\"" + prefix + "C Account\"}");
        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$filter=" + encode("startswith(name,'" + prefix + "')")
                + "&$orderby=name&$expand=primarycontactid($select=fullname,lastname),contact_customer_accounts($select=lastname;"
                + "$orderby=" + encode("lastname desc") + ";$top=2)");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> rows = r.json().get("value").valueStream().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("accountid").asString()).isEqualTo(first.get(1));
        assertThat(rows.get(0).get("primarycontactid").get("fullname").asString()).isEqualTo(prefix + "A Primary");
        assertThat(rows.get(1).get("primarycontactid").get("contactid").asString()).isEqualTo(second.get(0));
        assertThat(rows.get(2).get("primarycontactid").isNull()).isTrue();
        assertThat(rows.get(0).get("contact_customer_accounts").valueStream().map(c -> c.get("lastname").asString()))
                .containsExactly("Cole", "Baker");
        assertThat(rows.get(1).get("contact_customer_accounts").size()).isEqualTo(2);
        assertThat(rows.get(2).get("contact_customer_accounts").isArray()).isTrue();
        assertThat(rows.get(2).get("contact_customer_accounts").size()).isZero();
    }

    @Test void expandInsideBatchAndOnRepresentations() {
        String prefix = "ExpB" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        BatchBody batch = new BatchBody()
                .part("GET", "accounts?$select=name&$filter=" + encode("name eq '" + prefix + " Account'")
                        + "&$expand=contact_customer_accounts($select=lastname;$orderby=lastname)", null)
                .part("GET", "accounts(" + ids.get(1) + ")?$select=name&$expand=primarycontactid($select=lastname)", null);
        WebApiHttp.Reply r = http.batch(api + "$batch", batch.build(), batch.contentType());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        JsonNode query = WebApiHttp.JSON.readTree(answers.get(0).body());
        assertThat(query.get("value").get(0).get("contact_customer_accounts").valueStream().map(c -> c.get("lastname").asString()))
                .containsExactly("Ames", "Baker", "Cole");
        assertThat(WebApiHttp.JSON.readTree(answers.get(1).body()).get("primarycontactid").get("lastname").asString()).isEqualTo("Primary");

        WebApiHttp.Reply created = http.post(api + "accounts?$select=name&$expand=primarycontactid($select=lastname)",
                "{\"name\":\"" + prefix + " Rep\",\"primarycontactid@odata.bind\":\"/contacts(" + ids.get(0) + ")\"}",
                "Prefer", "return=representation");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("primarycontactid").get("lastname").asString()).isEqualTo("Primary");
    }

    @Test void expandManyToManyThroughTheIntersectTable() {
        WebApiHttp.Reply imported = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + java.util.Base64.getEncoder().encodeToString(
                        org.xrm4j.server.solutions.SolutionFixtures.leaveSolution("ReadsPairs", "1.0.0.0", "xt_Rpair")) + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(204);
        String first = create("xt_rpairs", "{\"xt_name\":\"First\"}");
        String second = create("xt_rpairs", "{\"xt_name\":\"Second\"}");
        String ames = create("contacts", "{\"lastname\":\"Ames\"}");
        String baker = create("contacts", "{\"lastname\":\"Baker\"}");
        associate(first, ames, baker);
        associate(second, baker);

        JsonNode one = http.get(api + "xt_rpairs(" + first + ")?$select=xt_name&$expand=xt_rpair_contact($select=lastname;$orderby=lastname)").json();
        assertThat(one.get("xt_rpair_contact").valueStream().map(c -> c.get("lastname").asString())).containsExactly("Ames", "Baker");
        WebApiHttp.Reply both = http.get(api + "xt_rpairs?$select=xt_name&$orderby=xt_name&$expand=xt_rpair_contact($select=lastname;"
                + "$orderby=" + encode("lastname desc") + ")");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        List<JsonNode> rows = both.json().get("value").valueStream().toList();
        assertThat(rows.get(0).get("xt_rpair_contact").valueStream().map(c -> c.get("lastname").asString())).containsExactly("Baker", "Ames");
        assertThat(rows.get(1).get("xt_rpair_contact").valueStream().map(c -> c.get("lastname").asString())).containsExactly("Baker");
        JsonNode contact = http.get(api + "contacts(" + baker + ")?$select=lastname&$expand=xt_rpair_contact($select=xt_name;$orderby=xt_name)").json();
        assertThat(contact.get("xt_rpair_contact").valueStream().map(c -> c.get("xt_name").asString())).containsExactly("First", "Second");
    }

    private void associate(String pair, String... contacts) {
        List<org.xrm4j.sdk.EntityReference> related = new ArrayList<>();
        for (String c : contacts) related.add(new org.xrm4j.sdk.EntityReference("contact", UUID.fromString(c)));
        server.server().engine().execute(server.organization(), org.xrm4j.server.TestServers.ADMIN_TOKEN, null,
                new org.xrm4j.sdk.messages.AssociateRequest(new org.xrm4j.sdk.EntityReference("xt_rpair", UUID.fromString(pair)),
                        new org.xrm4j.sdk.Relationship("xt_rpair_contact"), org.xrm4j.sdk.EntityReferenceCollection.of(related.toArray(
                                org.xrm4j.sdk.EntityReference[]::new))));
    }

    @Test void unknownOrMisusedExpandIsRefused() {
        WebApiHttp.Reply unknown = http.get(api + "accounts?$expand=nosuchnav");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("0x80040203");
        assertThat(unknown.json().get("error").get("message").asString()).contains("'nosuchnav'").contains("Microsoft.Dynamics.CRM.account");
        WebApiHttp.Reply option = http.get(api + "accounts?$expand=primarycontactid($top=1)");
        assertThat(option.status()).isEqualTo(400);
        assertThat(option.json().get("error").get("message").asString()).contains("single-valued");
        WebApiHttp.Reply column = http.get(api + "accounts?$expand=primarycontactid($select=nosuchcolumn)");
        assertThat(column.status()).isEqualTo(400);
        // A nested $expand is checked against the related table.
        WebApiHttp.Reply nested = http.get(api + "accounts?$expand=contact_customer_accounts($expand=nosuchnav)");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.errorCode()).isEqualTo("0x80040203");
        assertThat(nested.json().get("error").get("message").asString()).contains("'nosuchnav'").contains("Microsoft.Dynamics.CRM.contact");
    }

    @Test void annotationsOnRetrieveQueryAndRepresentation() {
        String prefix = "Ann" + UUID.randomUUID().toString().substring(0, 6);
        String contact = create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"Lovelace\"}");
        String account = create("accounts", "{\"name\":\"" + prefix + "\",\"revenue\":1000.5,\"numberofemployees\":1200,"
                + "\"industrycode\":7,\"donotemail\":true,\"lastusedincampaign\":\"2024-03-01T10:20:30Z\","
                + "\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        String select = "?$select=name,revenue,numberofemployees,industrycode,donotemail,lastusedincampaign,_primarycontactid_value";

        WebApiHttp.Reply all = http.get(api + "accounts(" + account + ")" + select, "Prefer", "odata.include-annotations=\"*\"");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.header("Preference-Applied")).isEqualTo("odata.include-annotations=\"*\"");
        JsonNode j = all.json();
        String f = "@OData.Community.Display.V1.FormattedValue";
        assertThat(j.get("revenue" + f).asString()).isEqualTo("$1,000.50");
        assertThat(j.get("numberofemployees" + f).asString()).isEqualTo("1,200");
        assertThat(j.get("industrycode" + f).asString()).isEqualTo("Consulting");
        assertThat(j.get("donotemail" + f).asString()).isEqualTo("Yes");
        assertThat(j.get("lastusedincampaign" + f).asString()).isEqualTo("3/1/2024 10:20 AM");
        assertThat(j.get("_primarycontactid_value" + f).asString()).isEqualTo(prefix + " Lovelace");
        assertThat(j.get("_primarycontactid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asString()).isEqualTo("contact");
        assertThat(j.get("_primarycontactid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").asString()).isEqualTo("primarycontactid");
        assertThat(j.has("name" + f)).isFalse();

        JsonNode formattedOnly = http.get(api + "accounts(" + account + ")" + select, "Prefer",
                "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"").json();
        assertThat(formattedOnly.get("industrycode" + f).asString()).isEqualTo("Consulting");
        assertThat(formattedOnly.has("_primarycontactid_value@Microsoft.Dynamics.CRM.lookuplogicalname")).isFalse();
        JsonNode crmOnly = http.get(api + "accounts(" + account + ")" + select, "Prefer", "odata.include-annotations=\"Microsoft.Dynamics.CRM.*\"").json();
        assertThat(crmOnly.has("industrycode" + f)).isFalse();
        assertThat(crmOnly.get("_primarycontactid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asString()).isEqualTo("contact");
        JsonNode none = http.get(api + "accounts(" + account + ")" + select).json();
        assertThat(none.has("industrycode" + f)).isFalse();

        WebApiHttp.Reply query = http.get(api + "accounts?$select=name,industrycode&$filter=" + encode("name eq '" + prefix + "'")
                + "&$expand=primarycontactid($select=lastname,donotemail)", "Prefer", "odata.include-annotations=\"*\",odata.maxpagesize=10");
        assertThat(query.header("Preference-Applied")).contains("odata.maxpagesize=10").contains("odata.include-annotations=\"*\"");
        JsonNode row = query.json().get("value").get(0);
        assertThat(row.get("industrycode" + f).asString()).isEqualTo("Consulting");

        WebApiHttp.Reply rep = http.patch(api + "accounts(" + account + ")?$select=industrycode", "{\"industrycode\":1}",
                "Prefer", "return=representation,odata.include-annotations=\"*\"");
        assertThat(rep.status()).as(rep.body()).isEqualTo(200);
        assertThat(rep.json().get("industrycode" + f).asString()).isEqualTo("Accounting");
        assertThat(rep.header("Preference-Applied")).contains("return=representation").contains("odata.include-annotations");
    }

    static String accountsFetch(String prefix, String paging) {
        return "<fetch" + paging + "><entity name=\"account\"><attribute name=\"name\" /><attribute name=\"industrycode\" />"
                + "<order attribute=\"name\" /><filter><condition attribute=\"name\" operator=\"like\" value=\"" + prefix + "%\" /></filter>"
                + "<link-entity name=\"contact\" from=\"contactid\" to=\"primarycontactid\" link-type=\"outer\" alias=\"pc\">"
                + "<attribute name=\"lastname\" /></link-entity></entity></fetch>";
    }

    @Test void fetchXmlQueriesWithLinkedColumnsAndPaging() {
        String prefix = "Fx" + UUID.randomUUID().toString().substring(0, 6);
        String contact = create("contacts", "{\"firstname\":\"F\",\"lastname\":\"Linked\"}");
        for (int i = 1; i <= 5; i++) {
            create("accounts", "{\"name\":\"" + prefix + " " + i + "\",\"industrycode\":7"
                    + (i == 1 ? ",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"" : "") + "}");
        }
        WebApiHttp.Reply r = http.get(api + "accounts?fetchXml=" + encode(accountsFetch(prefix, "")), "Prefer", "odata.include-annotations=\"*\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("value").size()).isEqualTo(5);
        JsonNode first = j.get("value").get(0);
        assertThat(first.get("name").asString()).isEqualTo(prefix + " 1");
        assertThat(first.get("pc.lastname").asString()).isEqualTo("Linked");
        assertThat(first.get("industrycode@OData.Community.Display.V1.FormattedValue").asString()).isEqualTo("Consulting");
        assertThat(j.get("value").get(1).has("pc.lastname")).isFalse();
        assertThat(j.has("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie")).isFalse();

        // Pages of two, following the cookie as a client does, until it is gone.
        List<String> names = new ArrayList<>();
        String paging = " count=\"2\" page=\"1\"";
        for (int page = 1; page <= 5; page++) {
            JsonNode p = http.get(api + "accounts?fetchXml=" + encode(accountsFetch(prefix, paging))).json();
            p.get("value").forEach(v -> names.add(v.get("name").asString()));
            if (!p.has("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie")) {
                assertThat(page).isEqualTo(3);
                assertThat(p.get("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isFalse();
                break;
            }
            assertThat(p.get("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isTrue();
            String cookie = p.get("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asString();
            assertThat(cookie).startsWith("<cookie pagenumber=\"" + (page + 1) + "\" pagingcookie=\"%253ccookie%2520page%253d%2522" + page)
                    .endsWith("\" istracking=\"False\" />");
            String inner = java.net.URLDecoder.decode(java.net.URLDecoder.decode(cookie.replaceAll(".*pagingcookie=\"([^\"]*)\".*", "$1"),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            paging = " count=\"2\" page=\"" + (page + 1) + "\" paging-cookie=\"" + inner.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;").replace("\"", "&quot;") + "\"";
        }
        assertThat(names).containsExactly(prefix + " 1", prefix + " 2", prefix + " 3", prefix + " 4", prefix + " 5");

        WebApiHttp.Reply other = http.get(api + "contacts?fetchXml=" + encode(accountsFetch(prefix, "")));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("error").get("message").asString()).contains("'account'").contains("contacts");
        WebApiHttp.Reply bad = http.get(api + "accounts?fetchXml=" + encode("<fetch><entity name=\"account\"><bogus /></entity></fetch>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("0x80041108");
    }

    @Test void longFetchXmlThroughBatch() {
        String prefix = "FxB" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 3; i++) create("accounts", "{\"name\":\"" + prefix + " " + i + "\"}");
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < 60; i++) padding.append("<condition attribute=\"name\" operator=\"ne\" value=\"nobody-").append(i).append("\" />");
        String fetch = "<fetch count=\"2\" page=\"1\"><entity name=\"account\"><attribute name=\"name\" /><order attribute=\"name\" />"
                + "<filter><condition attribute=\"name\" operator=\"like\" value=\"" + prefix + "%\" />" + padding + "</filter></entity></fetch>";
        assertThat(encode(fetch).length()).isGreaterThan(2000);
        BatchBody batch = new BatchBody().part("GET", api + "accounts?fetchXml=" + encode(fetch), null);
        WebApiHttp.Reply r = http.batch(api + "$batch", batch.build(), batch.contentType());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode page = WebApiHttp.JSON.readTree(BatchBody.answers(r.body()).getFirst().body());
        assertThat(page.get("value").size()).isEqualTo(2);
        assertThat(page.get("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isTrue();
        assertThat(page.get("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asString()).startsWith("<cookie pagenumber=\"2\"");
    }

    List<String> names(String query) {
        WebApiHttp.Reply r = http.get(api + "contacts?$select=lastname&$orderby=lastname&$filter=" + encode(query));
        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
        return r.json().get("value").valueStream().map(v -> v.get("lastname").asString()).toList();
    }

    @Test void filterNavigationPathsAndQueryFunctions() {
        String prefix = "Flt" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        http.patch(api + "contacts(" + ids.get(2) + ")", "{\"numberofchildren\":1,\"preferredcontactmethods\":\"2,3\",\"birthdate\":\""
                + today.plusDays(3) + "T12:00:00Z\"}", "If-Match", "*");
        http.patch(api + "contacts(" + ids.get(3) + ")", "{\"numberofchildren\":4,\"preferredcontactmethods\":\"5\",\"birthdate\":\""
                + today.minusDays(3) + "T12:00:00Z\"}", "If-Match", "*");
        http.patch(api + "contacts(" + ids.get(4) + ")", "{\"numberofchildren\":9,\"birthdate\":\"" + today.minusDays(1) + "T12:00:00Z\"}",
                "If-Match", "*");
        String mine = "firstname eq '" + prefix + "' and ";

        assertThat(names(mine + "parentcustomerid_account/name eq '" + prefix + " Account'")).containsExactly("Ames", "Baker", "Cole");
        JsonNode accounts = http.get(api + "accounts?$select=name&$filter=" + encode("primarycontactid/lastname eq 'Primary' and primarycontactid/firstname eq '"
                + prefix + "'")).json();
        assertThat(accounts.get("value").valueStream().map(v -> v.get("name").asString())).containsExactly(prefix + " Account");

        assertThat(names(mine + "Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=['Ames','Cole'])")).containsExactly("Ames", "Cole");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.NotIn(PropertyName='lastname',PropertyValues=['Ames','Cole'])")).containsExactly("Baker", "Primary");
        assertThat(names(mine + "not Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=['Ames'])")).containsExactly("Baker", "Cole", "Primary");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.Between(PropertyName='numberofchildren',PropertyValues=[1,5])")).containsExactly("Ames", "Baker");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.NotBetween(PropertyName='numberofchildren',PropertyValues=[1,5])")).containsExactly("Cole");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.Today(PropertyName='createdon')")).hasSize(4);
        assertThat(names(mine + "Microsoft.Dynamics.CRM.Yesterday(PropertyName='birthdate')")).containsExactly("Cole");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.Tomorrow(PropertyName='birthdate')")).isEmpty();
        assertThat(names(mine + "Microsoft.Dynamics.CRM.LastXDays(PropertyName='birthdate',PropertyValue=7)")).containsExactly("Baker", "Cole");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.NextXDays(PropertyName='birthdate',PropertyValue=7)")).containsExactly("Ames");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.LastXHours(PropertyName='createdon',PropertyValue=1)")).hasSize(4);
        assertThat(names(mine + "Microsoft.Dynamics.CRM.ThisMonth(PropertyName='createdon')")).hasSize(4);
        assertThat(names(mine + "Microsoft.Dynamics.CRM.LastMonth(PropertyName='createdon')")).isEmpty();
        assertThat(names(mine + "Microsoft.Dynamics.CRM.ThisYear(PropertyName='createdon')")).hasSize(4);
        assertThat(names(mine + "Microsoft.Dynamics.CRM.OlderThanXDays(PropertyName='birthdate',PropertyValue=2)")).containsExactly("Baker");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.EqualUserId(PropertyName='ownerid')")).hasSize(4);
        assertThat(names(mine + "Microsoft.Dynamics.CRM.NotEqualUserId(PropertyName='ownerid')")).isEmpty();
        assertThat(names(mine + "Microsoft.Dynamics.CRM.ContainValues(PropertyName='preferredcontactmethods',PropertyValues=['3','5'])"))
                .containsExactly("Ames", "Baker");
        assertThat(names(mine + "Microsoft.Dynamics.CRM.DoesNotContainValues(PropertyName='preferredcontactmethods',PropertyValues=['2'])"))
                .containsExactly("Baker", "Cole", "Primary");

        WebApiHttp.Reply unknown = http.get(api + "contacts?$filter=" + encode("Microsoft.Dynamics.CRM.Sometime(PropertyName='createdon')"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").get("message").asString()).contains("Sometime").contains("LastXDays");
        WebApiHttp.Reply missing = http.get(api + "contacts?$filter=" + encode("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon')"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").get("message").asString()).contains("PropertyValue");
        WebApiHttp.Reply negated = http.get(api + "contacts?$filter=" + encode("not Microsoft.Dynamics.CRM.Today(PropertyName='createdon')"));
        assertThat(negated.status()).isEqualTo(400);
        WebApiHttp.Reply badNav = http.get(api + "contacts?$filter=" + encode("nosuchnav/name eq 'x'"));
        assertThat(badNav.status()).isEqualTo(400);
        assertThat(badNav.json().get("error").get("message").asString()).contains("nosuchnav");
        WebApiHttp.Reply collection = http.get(api + "accounts?$filter=" + encode("contact_customer_accounts/lastname eq 'x'"));
        assertThat(collection.status()).isEqualTo(400);
        assertThat(collection.json().get("error").get("message").asString()).contains("collection-valued");
    }
}
