package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Dataverse search over raw HTTP: {@code POST api/search/v1.0|v2.0/query}, {@code suggest} and {@code autocomplete},
 * their answers' shapes, the simple syntax, relevance and highlights, filters, paging, counts, facets, and the errors.
 * Each test searches for a word of its own, so records of other tests never match.
 */
abstract class WebApiSearchContract extends WebApiServerContract {
    String search(String version) { return server.orgUrl() + "/api/search/v" + version + "/"; }

    /** A word no other record holds. */
    static String word() { return "srch" + UUID.randomUUID().toString().replace("-", "").substring(0, 10); }

    JsonNode post(String url, String body) {
        WebApiHttp.Reply r = http.post(url, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> ids(JsonNode value) { return value.valueStream().map(v -> v.get("@search.objectid").asString()).toList(); }

    @Test void queryRanksHighlightsAndDescribesEachRecord() {
        String w = word();
        String alpine = create("accounts", "{\"name\":\"" + w + " Alpine Coffee\",\"telephone1\":\"555-0100\"}");
        String maria = create("contacts", "{\"firstname\":\"Maria\",\"lastname\":\"" + w + "\",\"emailaddress1\":\"maria@" + w + ".com\"}");
        String shop = create("accounts", "{\"name\":\"Corner Shop\",\"description\":\"Sells " + w.toUpperCase() + " beans\"}");

        JsonNode r = post(search("1.0") + "query", "{\"search\":\"" + w + "\"}");
        // The contact's full name (3) and two other columns (1 each), the account's name (3), the other's description (1).
        assertThat(ids(r.get("value"))).containsExactly(maria, alpine, shop);
        assertThat(r.get("totalrecordcount").asLong()).isEqualTo(-1);
        JsonNode contact = r.get("value").get(0);
        assertThat(contact.get("@search.score").asDouble()).isEqualTo(5.0);
        assertThat(contact.get("@search.entityname").asString()).isEqualTo("contact");
        assertThat(contact.get("@search.objecttypecode").asInt()).isEqualTo(2);
        assertThat(contact.get("@search.highlights").get("fullname").get(0).asString()).isEqualTo("Maria {crmhit}" + w + "{/crmhit}");
        assertThat(contact.get("@search.highlights").get("emailaddress1").get(0).asString()).isEqualTo("maria@{crmhit}" + w + "{/crmhit}.com");
        JsonNode first = r.get("value").get(1);
        assertThat(first.get("@search.score").asDouble()).isEqualTo(3.0);
        assertThat(first.get("@search.entityname").asString()).isEqualTo("account");
        assertThat(first.get("@search.objecttypecode").asInt()).isEqualTo(1);
        assertThat(first.get("@search.highlights").get("name").get(0).asString()).isEqualTo("{crmhit}" + w + "{/crmhit} Alpine Coffee");
        assertThat(first.get("name").asString()).isEqualTo(w + " Alpine Coffee");
        assertThat(first.get("telephone1").asString()).isEqualTo("555-0100");
        String me = http.get(api + "WhoAmI").json().get("UserId").asString();
        assertThat(first.get("ownerid").asString()).isEqualTo(me);
        assertThat(first.get("@search.ownerid.logicalname").asString()).isEqualTo("systemuser");
        assertThat(first.get("modifiedon").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(r.get("value").get(2).get("@search.highlights").get("description").get(0).asString())
                .isEqualTo("Sells {crmhit}" + w.toUpperCase() + "{/crmhit} beans");
    }

    @Test void simpleSyntaxModesAndPhrases() {
        String w = word();
        String alpine = create("accounts", "{\"name\":\"" + w + " Alpine Coffee\"}");
        String tea = create("accounts", "{\"name\":\"" + w + " Alpine Tea\"}");
        String shop = create("accounts", "{\"name\":\"" + w + " Coffee Alpine\"}");

        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + " tea\",\"searchmode\":\"all\"}").get("value"))).containsExactly(tea);
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + " -tea\",\"searchMode\":\"all\"}").get("value")))
                .containsExactlyInAnyOrder(alpine, shop);
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + " + \\\"alpine coffee\\\"\"}").get("value"))).containsExactly(alpine);
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "+(tea | coffee)\",\"orderby\":[\"name asc\"]}").get("value")))
                .containsExactly(alpine, tea, shop);
        // A prefix with a trailing wildcard; whole words otherwise.
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w.substring(0, 8) + "*\"}").get("value"))).hasSize(3);
        assertThat(post(search("1.0") + "query", "{\"search\":\"" + w.substring(0, 8) + "\"}").get("value").size()).isZero();
        // The Lucene operators in full syntax.
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + " AND NOT coffee\",\"searchtype\":\"full\"}").get("value")))
                .containsExactly(tea);
    }

    @Test void filtersPagingCountsOrderAndFacets() {
        String w = word();
        String a1 = create("accounts", "{\"name\":\"" + w + " One\",\"numberofemployees\":10}");
        String a2 = create("accounts", "{\"name\":\"" + w + " Two\",\"numberofemployees\":20}");
        String c1 = create("contacts", "{\"lastname\":\"Other\",\"description\":\"About " + w + "\"}");

        JsonNode counted = post(search("1.0") + "query", "{\"search\":\"" + w + "\",\"returntotalrecordcount\":true,\"top\":1,\"skip\":1,"
                + "\"orderby\":[\"@search.score desc\",\"name desc\"],\"facets\":[\"@search.entityname,count:10\",\"ownerid\"]}");
        assertThat(counted.get("totalrecordcount").asLong()).isEqualTo(3);
        assertThat(ids(counted.get("value"))).containsExactly(a1);
        JsonNode byTable = counted.get("facets").get("@search.entityname");
        assertThat(byTable.get(0).get("Value").asString()).isEqualTo("account");
        assertThat(byTable.get(0).get("Count").asLong()).isEqualTo(2);
        assertThat(byTable.get(1).get("Value").asString()).isEqualTo("contact");
        assertThat(counted.get("facets").get("ownerid").get(0).get("Count").asLong()).isEqualTo(3);

        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "\",\"entities\":[\"account\"]}").get("value")))
                .containsExactlyInAnyOrder(a1, a2);
        // A table's own filter leaves other tables alone; a filter without a table leaves out tables without its columns.
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "\",\"filter\":\"account:numberofemployees gt 15\"}").get("value")))
                .containsExactlyInAnyOrder(a2, c1);
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "\",\"filter\":\"numberofemployees lt 15\"}").get("value")))
                .containsExactly(a1);
        assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "\",\"filter\":\"statecode eq 0\"}").get("value")))
                .containsExactlyInAnyOrder(a1, a2, c1);
    }

    @Test void versionTwoAnswersTheResponseAsText() {
        String w = word();
        String a = create("accounts", "{\"name\":\"" + w + " Bakery\"}");
        JsonNode r = post(search("2.0") + "query", "{\"search\":\"" + w + "\",\"count\":true,\"entities\":\"[{\\\"name\\\":\\\"account\\\","
                + "\\\"selectColumns\\\":[\\\"name\\\",\\\"accountnumber\\\"]}]\",\"options\":\"{\\\"searchmode\\\":\\\"all\\\"}\"}");
        JsonNode inner = WebApiHttp.JSON.readTree(r.get("response").asString());
        assertThat(inner.get("Count").asLong()).isEqualTo(1);
        assertThat(inner.get("Error").isNull()).isTrue();
        JsonNode item = inner.get("Value").get(0);
        assertThat(item.get("Id").asString()).isEqualTo(a);
        assertThat(item.get("EntityName").asString()).isEqualTo("account");
        assertThat(item.get("Attributes").get("name").asString()).isEqualTo(w + " Bakery");
        assertThat(item.get("Attributes").has("accountnumber")).isTrue();
        assertThat(item.get("Attributes").has("telephone1")).isFalse();
        assertThat(item.get("Highlights").get("name").get(0).asString()).isEqualTo("{crmhit}" + w + "{/crmhit} Bakery");
        assertThat(item.get("Score").asDouble()).isEqualTo(3.0);

        JsonNode s = WebApiHttp.JSON.readTree(post(search("2.0") + "suggest", "{\"search\":\"" + w.substring(0, 9) + "\"}").get("response").asString());
        assertThat(s.get("Value").get(0).get("Text").asString()).isEqualTo("{crmhit}" + w.substring(0, 9) + "{/crmhit}" + w.substring(9) + " Bakery");
        assertThat(s.get("Value").get(0).get("Document").get("@search.objectid").asString()).isEqualTo(a);
        JsonNode c = WebApiHttp.JSON.readTree(post(search("2.0") + "autocomplete", "{\"search\":\"" + w.substring(0, 9) + "\"}").get("response").asString());
        assertThat(c.get("Value").asString()).isEqualTo("{crmhit}" + w + "{/crmhit}");
    }

    @Test void suggestAndAutocompleteCompleteWhatIsTyped() {
        String w = word();
        String a = create("accounts", "{\"name\":\"" + w + " Contoso Pharmaceuticals\"}");
        create("accounts", "{\"name\":\"" + w + " Contoso Pharmacy\"}");
        create("accounts", "{\"name\":\"" + w + " Contoso Pharmacy East\"}");

        JsonNode s = post(search("1.0") + "suggest", "{\"search\":\"" + w + " pharmace\",\"top\":2}");
        assertThat(s.get("value").size()).isEqualTo(1);
        assertThat(s.get("value").get(0).get("text").asString()).isEqualTo("{crmhit}" + w + "{/crmhit} Contoso {crmhit}Pharmace{/crmhit}uticals");
        assertThat(s.get("value").get(0).get("document").get("@search.objectid").asString()).isEqualTo(a);
        assertThat(s.get("value").get(0).get("document").get("name").asString()).isEqualTo(w + " Contoso Pharmaceuticals");
        assertThat(post(search("1.0") + "suggest", "{\"search\":\"" + w + " pharm\"}").get("value").size()).isEqualTo(3);
        assertThat(post(search("1.0") + "suggest", "{\"search\":\"" + w + " pharm\",\"top\":2}").get("value").size()).isEqualTo(2);

        assertThat(post(search("1.0") + "autocomplete", "{\"search\":\"" + w + " Contoso phar\",\"entities\":[\"account\"],"
                + "\"filter\":\"startswith(name,'" + w + "')\"}").get("value").asString())
                .isEqualTo(w + " Contoso {crmhit}pharmacy{/crmhit}");
        assertThat(post(search("1.0") + "autocomplete", "{\"search\":\"" + w + "zz\"}").get("value").isNull()).isTrue();
    }

    @Test void badRequestsAreWebApiErrors() {
        String tooLong = "x".repeat(101);
        WebApiHttp.Reply r = http.post(search("1.0") + "query", "{\"search\":\"" + tooLong + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("0x80040203");
        assertThat(r.json().get("error").get("message").asString()).contains("101 characters");

        assertThat(http.post(search("1.0") + "suggest", "{\"search\":\"ab\"}").errorCode()).isEqualTo("0x80040203");
        assertThat(http.post(search("1.0") + "query", "{}").errorCode()).isEqualTo("0x80040203");
        assertThat(http.post(search("1.0") + "query", "{\"search\":\"a\",\"top\":101}").errorCode()).isEqualTo("0x80040203");
        assertThat(http.post(search("1.0") + "query", "{\"search\":\"(a\"}").errorCode()).isEqualTo("0x80040203");
        assertThat(http.post(search("1.0") + "query", "{\"search\":\"a\",\"entities\":[\"nosuchtable\"]}").errorCode()).isEqualTo("0x80041102");
        assertThat(http.post(search("1.0") + "suggest", "{\"search\":\"abc\",\"usefuzzy\":true}").errorCode()).isEqualTo("0x80040315");
        assertThat(http.post(search("1.0") + "query", "{\"search\":\"abc\",\"facets\":[\"createdon,values:2020-01-01T00:00:00\"]}").errorCode())
                .isEqualTo("0x80040315");
        assertThat(http.post(search("1.0") + "status", "{\"search\":\"abc\"}").errorCode()).isEqualTo("0x80040315");
        WebApiHttp.Reply get = http.get(search("1.0") + "query");
        assertThat(get.status()).isEqualTo(400);
        WebApiHttp.Reply anonymous = new WebApiHttp(null).post(search("1.0") + "query", "{\"search\":\"abc\"}");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test void searchReadsAsTheCaller() {
        String w = word();
        String a = create("accounts", "{\"name\":\"" + w + " Shared\"}");
        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Sam", "Searcher", "sam." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        WebApiHttp asBasic = new WebApiHttp(basic.token());
        WebApiHttp.Reply r = asBasic.post(search("1.0") + "query", "{\"search\":\"" + w + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(ids(r.json().get("value"))).containsExactly(a);
        // Impersonation applies as on the Web API: a Basic User may not act for another user.
        String admin = http.get(api + "WhoAmI").json().get("UserId").asString();
        WebApiHttp.Reply denied = asBasic.post(search("1.0") + "query", "{\"search\":\"" + w + "\"}", "MSCRMCallerID", admin);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("0x8004A110");
    }

    @Test void tablesTheEngineRefusesToTheCallerAreLeftOut() {
        String w = word();
        String account = create("accounts", "{\"name\":\"" + w + " Visible\"}");
        String lead = create("leads", "{\"subject\":\"" + w + " Hidden\"}");
        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Lee", "Limited", "lee." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        // Both built-in roles read every table; this step refuses leads to that user as a role without prvReadLead would.
        PipelineStep noLeads = new PipelineStep() {
            @Override public String messageName() { return RetrieveMultipleRequest.NAME; }
            @Override public int stage() { return PRE_VALIDATION; }
            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                boolean leads = ((RetrieveMultipleRequest) request).query() instanceof QueryExpression q && q.entityName().equals("lead");
                if (leads && context.execution().user().userId().equals(basic.userId())) {
                    throw new FaultException(ErrorCodes.PrivilegeDenied, "The user lacks prvReadLead.");
                }
            }
        };
        server.server().engine().pipeline().register(noLeads);
        try {
            assertThat(ids(post(search("1.0") + "query", "{\"search\":\"" + w + "\"}").get("value"))).containsExactlyInAnyOrder(account, lead);
            WebApiHttp.Reply limited = new WebApiHttp(basic.token()).post(search("1.0") + "query", "{\"search\":\"" + w + "\"}");
            assertThat(limited.status()).as(limited.body()).isEqualTo(200);
            assertThat(ids(limited.json().get("value"))).containsExactly(account);
            WebApiHttp.Reply suggested = new WebApiHttp(basic.token()).post(search("1.0") + "suggest", "{\"search\":\"" + w + "\"}");
            assertThat(suggested.json().get("value").valueStream().map(v -> v.get("document").get("@search.objectid").asString()))
                    .containsExactly(account);
        } finally {
            server.server().engine().pipeline().unregister(noLeads);
        }
    }
}
