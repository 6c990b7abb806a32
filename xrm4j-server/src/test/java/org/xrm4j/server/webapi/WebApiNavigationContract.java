package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reading through navigation properties over raw HTTP ({@code GET accounts(<key>)/contact_customer_accounts},
 * {@code GET accounts(<key>)/primarycontactid}, many-to-many ones through the intersect table) and nested
 * {@code $expand} on retrieves, queries and navigation reads; alone and inside {@code $batch}.
 */
abstract class WebApiNavigationContract extends WebApiServerContract {
    @BeforeAll void keys() {
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
    }

    /** An account (with an account number) with a primary contact and three contacts of its own; ids in that order. */
    List<String> family(String prefix) {
        String primary = create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"Primary\"}");
        String account = create("accounts", "{\"name\":\"" + prefix + " Account\",\"accountnumber\":\"" + prefix
                + "\",\"primarycontactid@odata.bind\":\"/contacts(" + primary + ")\"}");
        List<String> ids = new ArrayList<>(List.of(primary, account));
        for (String last : List.of("Ames", "Baker", "Cole")) {
            ids.add(create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"" + last
                    + "\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}"));
        }
        return ids;
    }

    static List<String> values(JsonNode array, String property) {
        return array.valueStream().map(c -> c.get(property).asString()).toList();
    }

    @Test void collectionValuedNavigationIsAQueryOfTheRelatedRecords() {
        String prefix = "Nav" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        family(prefix + "X"); // another account's contacts stay out
        String account = ids.get(1);

        WebApiHttp.Reply r = http.get(api + "accounts(" + account + ")/contact_customer_accounts?$select=lastname&$orderby=lastname&$count=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#contacts(lastname)");
        assertThat(values(j.get("value"), "lastname")).containsExactly("Ames", "Baker", "Cole");
        assertThat(j.get("@odata.count").asInt()).isEqualTo(3);
        assertThat(j.get("value").get(0).get("contactid").asString()).isEqualTo(ids.get(2));

        JsonNode filtered = http.get(api + "accounts(" + account + ")/contact_customer_accounts?$select=lastname&$filter="
                + encode("lastname ne 'Ames'") + "&$orderby=" + encode("lastname desc") + "&$top=1").json();
        assertThat(values(filtered.get("value"), "lastname")).containsExactly("Cole");

        // Paged with an absolute next link that repeats the navigation path.
        WebApiHttp.Reply page = http.get(api + "accounts(" + account + ")/contact_customer_accounts?$select=lastname&$orderby=lastname",
                "Prefer", "odata.maxpagesize=2");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(values(page.json().get("value"), "lastname")).containsExactly("Ames", "Baker");
        String next = page.json().get("@odata.nextLink").asString();
        assertThat(next).startsWith(api + "accounts(" + account + ")/contact_customer_accounts?");
        JsonNode second = http.get(next, "Prefer", "odata.maxpagesize=2").json();
        assertThat(values(second.get("value"), "lastname")).containsExactly("Cole");
        assertThat(second.has("@odata.nextLink")).isFalse();

        // By alternate key, with expansions and annotations, as any query.
        WebApiHttp.Reply keyed = http.get(api + "accounts(accountnumber='" + prefix + "')/contact_customer_accounts?$select=lastname,"
                + "_parentcustomerid_value&$orderby=lastname&$expand=parentcustomerid_account($select=name)",
                "Prefer", "odata.include-annotations=\"*\"");
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(200);
        JsonNode first = keyed.json().get("value").get(0);
        assertThat(first.get("parentcustomerid_account").get("name").asString()).isEqualTo(prefix + " Account");
        assertThat(first.get("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue").asString()).isEqualTo(prefix + " Account");
        assertThat(keyed.json().get("value").size()).isEqualTo(3);

        // An account without contacts has an empty collection; a missing one is not found.
        String lonely = create("accounts", "{\"name\":\"" + prefix + " Lonely\"}");
        assertThat(http.get(api + "accounts(" + lonely + ")/contact_customer_accounts").json().get("value").size()).isZero();
        WebApiHttp.Reply missing = http.get(api + "accounts(" + UUID.randomUUID() + ")/contact_customer_accounts");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        WebApiHttp.Reply unknown = http.get(api + "accounts(" + account + ")/no_such_navigation");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test void singleValuedNavigationIsTheRelatedRecordOrNoContent() {
        String prefix = "Nas" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        WebApiHttp.Reply r = http.get(api + "accounts(" + ids.get(1) + ")/primarycontactid?$select=fullname,lastname");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#contacts(fullname,lastname)/$entity");
        assertThat(j.get("contactid").asString()).isEqualTo(ids.get(0));
        assertThat(j.get("lastname").asString()).isEqualTo("Primary");
        assertThat(j.get("@odata.etag").asString()).startsWith("W/\"");
        assertThat(j.has("firstname")).isFalse();

        WebApiHttp.Reply parentReply = http.get(api + "contacts(" + ids.get(2) + ")/parentcustomerid_account?$select=name&$expand="
                + "contact_customer_accounts($select=lastname;$orderby=lastname)");
        assertThat(parentReply.status()).as(parentReply.body()).isEqualTo(200);
        JsonNode parent = parentReply.json();
        assertThat(parent.get("name").asString()).isEqualTo(prefix + " Account");
        assertThat(values(parent.get("contact_customer_accounts"), "lastname")).containsExactly("Ames", "Baker", "Cole");
        JsonNode keyed = http.get(api + "accounts(accountnumber='" + prefix + "')/primarycontactid?$select=lastname").json();
        assertThat(keyed.get("lastname").asString()).isEqualTo("Primary");

        // An empty lookup, and a polymorphic lookup that points at another table: 204 No Content.
        String lonely = create("accounts", "{\"name\":\"" + prefix + " Lonely\"}");
        WebApiHttp.Reply none = http.get(api + "accounts(" + lonely + ")/primarycontactid");
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(http.get(api + "contacts(" + ids.get(2) + ")/parentcustomerid_contact").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + UUID.randomUUID() + ")/primarycontactid").status()).isEqualTo(404);
        WebApiHttp.Reply misused = http.get(api + "accounts(" + ids.get(1) + ")/primarycontactid?$top=1");
        assertThat(misused.status()).isEqualTo(400);
        assertThat(misused.errorCode()).isEqualTo("0x80040203");
    }

    @Test void manyToManyNavigationReadsThroughTheIntersectTable() {
        WebApiHttp.Reply imported = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + java.util.Base64.getEncoder().encodeToString(
                        org.xrm4j.server.solutions.SolutionFixtures.leaveSolution("NavPairs", "1.0.0.0", "xt_Npair")) + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(204);
        String first = create("xt_npairs", "{\"xt_name\":\"First\"}");
        String second = create("xt_npairs", "{\"xt_name\":\"Second\"}");
        String ames = create("contacts", "{\"lastname\":\"Ames\"}");
        String baker = create("contacts", "{\"lastname\":\"Baker\"}");
        associate(first, ames);
        associate(first, baker);
        associate(second, baker);

        WebApiHttp.Reply one = http.get(api + "xt_npairs(" + first + ")/xt_npair_contact?$select=lastname&$orderby=lastname&$count=true");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(values(one.json().get("value"), "lastname")).containsExactly("Ames", "Baker");
        assertThat(one.json().get("@odata.count").asInt()).isEqualTo(2);
        JsonNode back = http.get(api + "contacts(" + baker + ")/xt_npair_contact?$select=xt_name&$orderby=" + encode("xt_name desc")).json();
        assertThat(values(back.get("value"), "xt_name")).containsExactly("Second", "First");
        JsonNode filtered = http.get(api + "contacts(" + baker + ")/xt_npair_contact?$select=xt_name&$filter=" + encode("xt_name eq 'First'")).json();
        assertThat(values(filtered.get("value"), "xt_name")).containsExactly("First");
    }

    private void associate(String pair, String contact) {
        WebApiHttp.Reply r = http.post(api + "xt_npairs(" + pair + ")/xt_npair_contact/$ref", "{\"@odata.id\":\"" + api + "contacts(" + contact + ")\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    @Test void nestedExpandOnRetrievesQueriesAndNavigationReads() {
        String prefix = "Nex" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        String account = ids.get(1);
        // The primary contact belongs to the account too, so that its own lookup leads somewhere.
        assertThat(http.patch(api + "contacts(" + ids.get(0) + ")", "{\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}")
                .status()).isEqualTo(204);

        WebApiHttp.Reply r = http.get(api + "accounts(" + account + ")?$select=name&$expand=primarycontactid($select=fullname;"
                + "$expand=parentcustomerid_account($select=name;$expand=primarycontactid($select=lastname))),"
                + "contact_customer_accounts($select=lastname;$orderby=lastname;$expand=createdby($select=fullname),parentcustomerid_account($select=name))");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        JsonNode primary = j.get("primarycontactid");
        assertThat(primary.get("fullname").asString()).isEqualTo(prefix + " Primary");
        assertThat(primary.has("_parentcustomerid_value")).isFalse();
        assertThat(primary.get("parentcustomerid_account").get("name").asString()).isEqualTo(prefix + " Account");
        assertThat(primary.get("parentcustomerid_account").get("primarycontactid").get("lastname").asString()).isEqualTo("Primary");
        List<JsonNode> children = j.get("contact_customer_accounts").valueStream().toList();
        assertThat(children).hasSize(4);
        for (JsonNode c : children) {
            assertThat(c.get("createdby").get("fullname").asString()).isNotBlank();
            assertThat(c.get("createdby").get("systemuserid").asString()).isNotBlank();
            assertThat(c.get("parentcustomerid_account").get("accountid").asString()).isEqualTo(account);
        }

        // On a query: nested under a linked single-valued expansion and under a collection.
        String other = create("accounts", "{\"name\":\"" + prefix + " Other\"}");
        WebApiHttp.Reply q = http.get(api + "accounts?$select=name&$orderby=name&$filter=" + encode("startswith(name,'" + prefix + "')")
                + "&$expand=primarycontactid($select=lastname;$expand=parentcustomerid_account($select=accountnumber)),"
                + "contact_customer_accounts($select=lastname;$filter=" + encode("lastname ne 'Primary'") + ";$expand=createdby($select=fullname))");
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        List<JsonNode> rows = q.json().get("value").valueStream().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("primarycontactid").get("parentcustomerid_account").get("accountnumber").asString()).isEqualTo(prefix);
        assertThat(rows.get(0).get("contact_customer_accounts").size()).isEqualTo(3);
        assertThat(rows.get(0).get("contact_customer_accounts").get(0).get("createdby").get("fullname").asString()).isNotBlank();
        assertThat(rows.get(1).get("accountid").asString()).isEqualTo(other);
        assertThat(rows.get(1).get("primarycontactid").isNull()).isTrue();
        assertThat(rows.get(1).get("contact_customer_accounts").size()).isZero();

        // On a navigation read, and a contact whose lookup is empty gets null at the nested level.
        String orphan = create("contacts", "{\"lastname\":\"Orphan\"}");
        JsonNode nav = http.get(api + "accounts(" + account + ")/contact_customer_accounts?$select=lastname&$orderby=lastname"
                + "&$expand=parentcustomerid_account($select=name;$expand=primarycontactid($select=lastname))").json();
        assertThat(nav.get("value").get(0).get("parentcustomerid_account").get("primarycontactid").get("lastname").asString()).isEqualTo("Primary");
        JsonNode lone = http.get(api + "contacts(" + orphan + ")?$select=lastname&$expand=parentcustomerid_account($select=name;"
                + "$expand=primarycontactid($select=lastname))").json();
        assertThat(lone.get("parentcustomerid_account").isNull()).isTrue();
        JsonNode viaAccount = http.get(api + "contacts(" + ids.get(2) + ")?$select=lastname&$expand=parentcustomerid_account($select=name;"
                + "$expand=contact_customer_accounts($select=lastname;$orderby=lastname))").json();
        assertThat(values(viaAccount.get("parentcustomerid_account").get("contact_customer_accounts"), "lastname"))
                .containsExactly("Ames", "Baker", "Cole", "Primary");
    }

    @Test void nestedExpandInsideBatchAndTooManyExpansionsAreRefused() {
        String prefix = "Neb" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix);
        String body = "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "GET accounts(" + ids.get(1) + ")/contact_customer_accounts?$select=lastname&$orderby=lastname&$expand=parentcustomerid_account("
                + "$select=name;$expand=primarycontactid($select=lastname)) HTTP/1.1\r\nAccept: application/json\r\n\r\n--b--\r\n";
        WebApiHttp.Reply batch = http.batch(api + "$batch", body, "multipart/mixed;boundary=b");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.body()).contains("HTTP/1.1 200 OK").contains("\"lastname\":\"Ames\"").contains("\"lastname\":\"Primary\"");

        StringBuilder expand = new StringBuilder("primarycontactid($select=lastname)");
        for (int i = 0; i < 15; i++) expand.append(",contact_customer_accounts($select=lastname)");
        WebApiHttp.Reply many = http.get(api + "accounts(" + ids.get(1) + ")?$expand=" + expand);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("error").get("message").asString()).contains("at most 15");
    }
}
