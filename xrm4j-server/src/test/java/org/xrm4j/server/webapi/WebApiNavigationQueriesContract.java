package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Below a navigation property and across it, over raw HTTP: {@code accounts(<id>)/contact_customer_accounts/$count},
 * a related record by its key ({@code …/contact_customer_accounts(<id>)}), {@code <nav>@odata.nextLink} of
 * collection-valued expansions on queries, and the lambda operators {@code any}/{@code all} in {@code $filter}.
 */
abstract class WebApiNavigationQueriesContract extends WebApiServerContract {
    @BeforeAll void keys() {
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
    }

    /** An account (with an account number) and a contact of its own per last name; the account's id first. */
    List<String> family(String prefix, String... lastNames) {
        String account = create("accounts", "{\"name\":\"" + prefix + " Account\",\"accountnumber\":\"" + prefix + "\"}");
        List<String> ids = new ArrayList<>(List.of(account));
        for (String last : lastNames) {
            ids.add(create("contacts", "{\"firstname\":\"" + prefix + "\",\"lastname\":\"" + last
                    + "\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}"));
        }
        return ids;
    }

    static List<String> values(JsonNode array, String property) {
        return array.valueStream().map(c -> c.get(property).asString()).toList();
    }

    @Test void countBelowANavigationPropertyIsPlainText() {
        String prefix = "Cnt" + UUID.randomUUID().toString().substring(0, 6);
        String account = family(prefix, "Ames", "Baker", "Cole").getFirst();
        family(prefix + "X", "Other"); // another account's contacts are not counted

        WebApiHttp.Reply r = http.get(api + "accounts(" + account + ")/contact_customer_accounts/$count");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).isEqualTo("\uFEFF3");
        assertThat(http.get(api + "accounts(accountnumber='" + prefix + "')/contact_customer_accounts/%24count").body()).isEqualTo("\uFEFF3");
        assertThat(http.get(api + "accounts(" + account + ")/contact_customer_accounts/$count?$filter=" + encode("lastname ne 'Ames'"))
                .body()).isEqualTo("\uFEFF2");
        String lonely = create("accounts", "{\"name\":\"" + prefix + " Lonely\"}");
        assertThat(http.get(api + "accounts(" + lonely + ")/contact_customer_accounts/$count").body()).isEqualTo("\uFEFF0");

        WebApiHttp.Reply missing = http.get(api + "accounts(" + UUID.randomUUID() + ")/contact_customer_accounts/$count");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        WebApiHttp.Reply single = http.get(api + "accounts(" + account + ")/primarycontactid/$count");
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.errorCode()).isEqualTo("0x80040203");
    }

    @Test void aRelatedRecordByKeyIsFoundOnlyWhenRelated() {
        String prefix = "Rel" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix, "Ames", "Baker");
        String account = ids.getFirst();
        String stranger = family(prefix + "X", "Stranger").get(1);

        WebApiHttp.Reply r = http.get(api + "accounts(" + account + ")/contact_customer_accounts(" + ids.get(2) + ")?$select=lastname"
                + "&$expand=parentcustomerid_account($select=name)");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#contacts(lastname)/$entity");
        assertThat(j.get("contactid").asString()).isEqualTo(ids.get(2));
        assertThat(j.get("lastname").asString()).isEqualTo("Baker");
        assertThat(j.has("firstname")).isFalse();
        assertThat(j.get("parentcustomerid_account").get("name").asString()).isEqualTo(prefix + " Account");

        // By the account's alternate key, every column without $select.
        JsonNode keyed = http.get(api + "accounts(accountnumber='" + prefix + "')/contact_customer_accounts(" + ids.get(1) + ")").json();
        assertThat(keyed.get("lastname").asString()).isEqualTo("Ames");
        assertThat(keyed.get("firstname").asString()).isEqualTo(prefix);

        // A contact of another account exists but is not related: not found, as is an unknown one or account.
        for (String url : List.of("accounts(" + account + ")/contact_customer_accounts(" + stranger + ")",
                "accounts(" + account + ")/contact_customer_accounts(" + UUID.randomUUID() + ")",
                "accounts(" + UUID.randomUUID() + ")/contact_customer_accounts(" + ids.get(1) + ")")) {
            WebApiHttp.Reply notFound = http.get(api + url);
            assertThat(notFound.status()).as(url).isEqualTo(404);
            assertThat(notFound.errorCode()).isEqualTo("0x80040217");
        }
        WebApiHttp.Reply filtered = http.get(api + "accounts(" + account + ")/contact_customer_accounts(" + ids.get(1) + ")?$filter="
                + encode("lastname eq 'Ames'"));
        assertThat(filtered.status()).isEqualTo(400);
    }

    @Test void collectionValuedExpansionsOfAQueryCarryANextLinkToTheirNavigationPath() {
        String prefix = "Nxt" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix, "Ames", "Baker", "Cole");
        String account = ids.getFirst();
        String lonely = create("accounts", "{\"name\":\"" + prefix + " Lonely\"}");

        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$filter=" + encode("startswith(name,'" + prefix + "')")
                + "&$orderby=name&$expand=" + encode("contact_customer_accounts($select=lastname,_parentcustomerid_value;"
                + "$filter=lastname ne 'Cole';$orderby=lastname desc;$expand=parentcustomerid_account($select=name))"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode withContacts = r.json().get("value").get(0);
        JsonNode without = r.json().get("value").get(1);
        assertThat(values(withContacts.get("contact_customer_accounts"), "lastname")).containsExactly("Baker", "Ames");
        String next = withContacts.get("contact_customer_accounts@odata.nextLink").asString();
        assertThat(next).isEqualTo(api + "accounts(" + account + ")/contact_customer_accounts?$select="
                + encode("lastname,_parentcustomerid_value") + "&$filter=" + encode("lastname ne 'Cole'") + "&$orderby="
                + encode("lastname desc") + "&$expand=" + encode("parentcustomerid_account($select=name)"));
        // An empty collection has its link too, as on Dataverse.
        assertThat(without.get("contact_customer_accounts").size()).isZero();
        assertThat(without.get("contact_customer_accounts@odata.nextLink").asString())
                .isEqualTo(api + "accounts(" + lonely + ")/contact_customer_accounts?$select=" + encode("lastname,_parentcustomerid_value")
                        + "&$filter=" + encode("lastname ne 'Cole'") + "&$orderby=" + encode("lastname desc") + "&$expand="
                        + encode("parentcustomerid_account($select=name)"));

        // The link reads the same records, with the same options, and pages like any navigation read.
        WebApiHttp.Reply followed = http.get(next);
        assertThat(followed.status()).as(followed.body()).isEqualTo(200);
        assertThat(values(followed.json().get("value"), "lastname")).containsExactly("Baker", "Ames");
        assertThat(followed.json().get("value").get(0).get("parentcustomerid_account").get("name").asString()).isEqualTo(prefix + " Account");
        WebApiHttp.Reply paged = http.get(next, "Prefer", "odata.maxpagesize=1");
        assertThat(values(paged.json().get("value"), "lastname")).containsExactly("Baker");
        assertThat(values(http.get(paged.json().get("@odata.nextLink").asString(), "Prefer", "odata.maxpagesize=1").json().get("value"),
                "lastname")).containsExactly("Ames");

        // Without options the link is the bare navigation path; a retrieve holds all the related records and no link.
        JsonNode bare = http.get(api + "accounts?$select=name&$filter=" + encode("name eq '" + prefix + " Account'")
                + "&$expand=contact_customer_accounts").json().get("value").get(0);
        assertThat(bare.get("contact_customer_accounts@odata.nextLink").asString())
                .isEqualTo(api + "accounts(" + account + ")/contact_customer_accounts");
        JsonNode retrieved = http.get(api + "accounts(" + account + ")?$select=name&$expand=contact_customer_accounts($select=lastname)").json();
        assertThat(retrieved.get("contact_customer_accounts").size()).isEqualTo(3);
        assertThat(retrieved.has("contact_customer_accounts@odata.nextLink")).isFalse();
    }

    private List<String> accountNames(String prefix, String filter) {
        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$orderby=name&$filter=" + encode("startswith(name,'" + prefix + "') and (" + filter + ")"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return values(r.json().get("value"), "name");
    }

    @Test void lambdaOperatorsTestTheRecordsOfACollection() {
        String prefix = "Lam" + UUID.randomUUID().toString().substring(0, 6);
        family(prefix, "Ames", "Baker", "Cole");
        family(prefix + "B", "Ames");
        create("accounts", "{\"name\":\"" + prefix + " Lonely\"}");
        String a = prefix + " Account";
        String b = prefix + "B Account";
        String lonely = prefix + " Lonely";

        assertThat(accountNames(prefix, "contact_customer_accounts/any(c: c/lastname eq 'Cole')")).containsExactly(a);
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c:c/lastname eq 'Ames')")).containsExactly(a, b);
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c : c/lastname eq 'Ames')")).containsExactly(a, b);
        assertThat(accountNames(prefix, "contact_customer_accounts/any()")).containsExactly(a, b);
        assertThat(accountNames(prefix, "not contact_customer_accounts/any()")).containsExactly(lonely);
        // all: no related record fails the condition, so an account without contacts matches, as OData defines it.
        assertThat(accountNames(prefix, "contact_customer_accounts/all(c: c/lastname eq 'Ames')")).containsExactly(lonely, b);
        assertThat(accountNames(prefix, "not contact_customer_accounts/all(c: c/lastname eq 'Ames')")).containsExactly(a);
        assertThat(accountNames(prefix, "contact_customer_accounts/all(c: c/lastname ne 'Cole' and c/firstname eq '" + prefix + "B')"))
                .containsExactly(lonely, b);
        // Inside or/and/not, with several conditions, functions and single-valued paths in the lambda.
        assertThat(accountNames(prefix, "name eq '" + lonely + "' or contact_customer_accounts/any(c: c/lastname eq 'Cole')"))
                .containsExactly(a, lonely);
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c: c/lastname eq 'Ames' and startswith(c/firstname,'" + prefix + "B'))"))
                .containsExactly(b);
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c: c/parentcustomerid_account/name eq '" + b + "')"))
                .containsExactly(b);
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c: c/lastname eq 'Baker') and not contact_customer_accounts/any(c: c/lastname eq 'Zed')"))
                .containsExactly(a);
        // A nested lambda: accounts with a contact whose own account has a contact named Cole.
        assertThat(accountNames(prefix, "contact_customer_accounts/any(c: c/parentcustomerid_account/name eq '" + a + "')"
                + " and contact_customer_accounts/any(c: c/lastname eq 'Baker')")).containsExactly(a);
        // In an expansion's $filter and on a navigation read too (no contact here has contacts of its own).
        JsonNode expanded = http.get(api + "accounts?$select=name&$orderby=name&$filter=" + encode("startswith(name,'" + prefix + "')")
                + "&$expand=" + encode("contact_customer_accounts($select=lastname;$filter=not contact_customer_contacts/any())")).json();
        assertThat(expanded.get("value").get(0).get("contact_customer_accounts").size()).isEqualTo(3);
        JsonNode none = http.get(api + "accounts?$select=name&$orderby=name&$filter=" + encode("startswith(name,'" + prefix + "')")
                + "&$expand=" + encode("contact_customer_accounts($select=lastname;$filter=contact_customer_contacts/any())")).json();
        assertThat(none.get("value").get(0).get("contact_customer_accounts").size()).isZero();
        String accountId = http.get(api + "accounts?$select=name&$filter=" + encode("name eq '" + a + "'")).json().get("value").get(0)
                .get("accountid").asString();
        JsonNode navigated = http.get(api + "accounts(" + accountId + ")/contact_customer_accounts?$select=lastname&$filter="
                + encode("not contact_customer_contacts/any() and lastname ne 'Ames'")).json();
        assertThat(values(navigated.get("value"), "lastname")).containsExactlyInAnyOrder("Baker", "Cole");
        // A lambda across a single-valued step is not supported: one collection-valued property leads to it.
        WebApiHttp.Reply across = http.get(api + "contacts?$filter=" + encode("parentcustomerid_account/contact_customer_accounts/any(o: o/lastname eq 'Cole')"));
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.errorCode()).isEqualTo("0x80040203");

        for (String wrong : List.of("primarycontactid/any(c: c/lastname eq 'x')", "contact_customer_accounts/any(c: lastname eq 'x')",
                "contact_customer_accounts/all()", "contact_customer_accounts/any(c: c/no_such_column eq 1)",
                "no_such_navigation/any(c: c/lastname eq 'x')")) {
            WebApiHttp.Reply r = http.get(api + "accounts?$filter=" + encode(wrong));
            assertThat(r.status()).as(wrong).isEqualTo(400);
        }
    }

    @Test void lambdaOperatorsOnManyToManyNavigationProperties() {
        WebApiHttp.Reply imported = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + java.util.Base64.getEncoder().encodeToString(
                        org.xrm4j.server.solutions.SolutionFixtures.leaveSolution("NavLambda", "1.0.0.0", "xt_Nlam")) + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(204);
        String prefix = "Lmm" + UUID.randomUUID().toString().substring(0, 6);
        String first = create("xt_nlams", "{\"xt_name\":\"" + prefix + " First\"}");
        String second = create("xt_nlams", "{\"xt_name\":\"" + prefix + " Second\"}");
        create("xt_nlams", "{\"xt_name\":\"" + prefix + " Third\"}");
        String ames = create("contacts", "{\"lastname\":\"Ames\",\"firstname\":\"" + prefix + "\"}");
        String baker = create("contacts", "{\"lastname\":\"Baker\",\"firstname\":\"" + prefix + "\"}");
        for (String[] pair : List.of(new String[] {first, ames}, new String[] {first, baker}, new String[] {second, baker})) {
            WebApiHttp.Reply r = http.post(api + "xt_nlams(" + pair[0] + ")/xt_nlam_contact/$ref", "{\"@odata.id\":\"" + api + "contacts(" + pair[1] + ")\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
        java.util.function.Function<String, List<String>> pairs = filter -> {
            WebApiHttp.Reply r = http.get(api + "xt_nlams?$select=xt_name&$orderby=xt_name&$filter="
                    + encode("startswith(xt_name,'" + prefix + "') and (" + filter + ")"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return values(r.json().get("value"), "xt_name");
        };
        assertThat(pairs.apply("xt_nlam_contact/any(c: c/lastname eq 'Ames')")).containsExactly(prefix + " First");
        assertThat(pairs.apply("xt_nlam_contact/any()")).containsExactly(prefix + " First", prefix + " Second");
        assertThat(pairs.apply("xt_nlam_contact/all(c: c/lastname eq 'Baker')")).containsExactly(prefix + " Second", prefix + " Third");
        assertThat(pairs.apply("not xt_nlam_contact/any(c: c/lastname eq 'Baker')")).containsExactly(prefix + " Third");
        // From the other side, with a nested lambda back across the same relationship.
        WebApiHttp.Reply contacts = http.get(api + "contacts?$select=lastname&$orderby=lastname&$filter=" + encode("firstname eq '" + prefix
                + "' and xt_nlam_contact/any(p: p/xt_name eq '" + prefix + " Second' or p/xt_nlam_contact/any(c: c/lastname eq 'Ames'))"));
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        assertThat(values(contacts.json().get("value"), "lastname")).containsExactly("Ames", "Baker");
    }

    @Test void aLookupIsSelectedByItsValueNotByItsNavigationProperty() {
        String prefix = "Sel" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = family(prefix, "Ames");
        String account = ids.getFirst();
        assertThat(http.patch(api + "accounts(" + account + ")", "{\"primarycontactid@odata.bind\":\"/contacts(" + ids.get(1) + ")\"}")
                .status()).isEqualTo(204);
        JsonNode value = http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json();
        assertThat(value.get("_primarycontactid_value").asString()).isEqualTo(ids.get(1));

        for (String url : List.of("accounts?$select=name,primarycontactid", "accounts(" + account + ")?$select=primarycontactid",
                "accounts(" + account + ")/contact_customer_accounts?$select=parentcustomerid",
                "accounts(" + account + ")?$expand=" + encode("contact_customer_accounts($select=parentcustomerid)"))) {
            WebApiHttp.Reply r = http.get(api + url);
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("0x80040203");
            assertThat(r.json().get("error").get("message").asString()).contains("_value").contains("$expand=");
        }
    }
}
