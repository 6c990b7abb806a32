package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/** The Web API over raw HTTP: routes, status codes, headers and Dataverse's JSON forms. */
abstract class WebApiContract extends WebApiServerContract {
    static String filter(String expression) { return URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20"); }

    @Test void whoAmIOnEveryVersionAndWithoutOrganization() {
        for (String version : List.of("v9.0", "v9.1", "v9.2")) {
            WebApiHttp.Reply r = http.get(server.orgUrl() + "/api/data/" + version + "/WhoAmI");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json; odata.metadata=minimal");
            assertThat(r.header("OData-Version")).isEqualTo("4.0");
            JsonNode j = r.json();
            assertThat(j.get("@odata.context").asString()).isEqualTo(server.orgUrl() + "/api/data/" + version
                    + "/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            assertThat(UUID.fromString(j.get("UserId").asString())).isNotNull();
            assertThat(UUID.fromString(j.get("BusinessUnitId").asString())).isNotNull();
            assertThat(UUID.fromString(j.get("OrganizationId").asString())).isEqualTo(server.org().organizationId());
        }
        assertThat(http.get(api + "WhoAmI()").status()).isEqualTo(200);
        assertThat(http.get(server.server().baseUrl() + "/api/data/v9.2/WhoAmI").status()).isEqualTo(200);
    }

    @Test void missingOrWrongTokenIs401WithErrorJson() {
        WebApiHttp.Reply r = new WebApiHttp(null).get(api + "WhoAmI");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.errorCode()).isEqualTo("0x80040204");
        assertThat(r.json().get("error").get("message").asString()).isNotBlank();
        assertThat(new WebApiHttp("wrong").get(api + "accounts").status()).isEqualTo(401);
        assertThat(r.header("Connection")).as("a GET leaves no body behind: the connection stays").isNull();
        // A refused POST's body was never read, so its connection is not reused: the next request would be cut off.
        assertThat(new WebApiHttp(null).post(api + "accounts", "{\"name\":\"x\"}").header("Connection")).isEqualTo("close");
    }

    @Test void impersonationHeaderIsValidated() {
        String me = http.get(api + "WhoAmI").json().get("UserId").asString();
        WebApiHttp.Reply self = http.get(api + "WhoAmI", "MSCRMCallerID", me);
        assertThat(self.json().get("UserId").asString()).isEqualTo(me);
        WebApiHttp.Reply bad = http.get(api + "WhoAmI", "MSCRMCallerID", "not-a-guid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("0x80048D1A");
    }

    @Test void impersonatedWritesAreRecordedForTheImpersonatedUser() {
        String admin = http.get(api + "WhoAmI").json().get("UserId").asString();
        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Basil", "User", "basil." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        String who = http.get(api + "WhoAmI", "MSCRMCallerID", basic.userId().toString()).json().get("UserId").asString();
        assertThat(who).isEqualTo(basic.userId().toString());

        WebApiHttp.Reply r = http.post(api + "accounts", "{\"name\":\"On behalf\"}", "MSCRMCallerID", basic.userId().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String id = r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
        JsonNode j = http.get(api + "accounts(" + id + ")?$select=_createdby_value,_createdonbehalfby_value").json();
        assertThat(j.get("_createdby_value").asString()).isEqualTo(basic.userId().toString());
        assertThat(j.get("_createdonbehalfby_value").asString()).isEqualTo(admin);

        WebApiHttp.Reply denied = new WebApiHttp(basic.token()).get(api + "WhoAmI", "MSCRMCallerID", admin);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("0x8004A110");
    }

    @Test void badInputIsRefusedBeforeAnyWrite() {
        String name = "Never " + UUID.randomUUID();
        WebApiHttp.Reply r = http.post(api + "accounts?$select=nosuchcolumn", "{\"name\":\"" + name + "\"}", "Prefer", "return=representation");
        assertThat(r.status()).isBetween(400, 404);
        assertThat(http.get(api + "accounts?$select=name&$filter=" + filter("name eq '" + name + "'")).json().get("value")).isEmpty();
        WebApiHttp.Reply badId = http.post(api + "accounts", "{\"accountid\":\"not-a-guid\",\"name\":\"x\"}");
        assertThat(badId.status()).isEqualTo(400);
        WebApiHttp.Reply malformed = http.post(api + "accounts", "{\"name\":\"" + name + "\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply unknown = http.post(api + "accounts", "{\"name\":\"" + name + "\",\"nosuchcolumn\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").get("message").asString()).contains("nosuchcolumn");
        assertThat(http.get(api + "accounts?$select=name&$filter=" + filter("name eq '" + name + "'")).json().get("value")).isEmpty();
    }

    @Test void createThenRetrieveInDataverseForms() {
        WebApiHttp.Reply created = http.post(api + "accounts", "{\"name\":\"Contoso \\u00e9\",\"revenue\":1250.5,\"numberofemployees\":12,"
                + "\"industrycode\":3,\"donotemail\":true,\"lastusedincampaign\":\"2024-03-01T10:20:30Z\",\"exchangerate\":1.25}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        assertThat(created.header("OData-EntityId")).matches(java.util.regex.Pattern.quote(api + "accounts(") + "[0-9a-f-]{36}\\)");
        String id = created.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");

        WebApiHttp.Reply got = http.get(api + "accounts(" + id + ")?$select=name,revenue,numberofemployees,industrycode,donotemail,lastusedincampaign,exchangerate,_primarycontactid_value");
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        JsonNode j = got.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#accounts(name,revenue,numberofemployees,industrycode,donotemail,"
                + "lastusedincampaign,exchangerate,_primarycontactid_value)/$entity");
        assertThat(j.get("@odata.etag").asString()).matches("W/\"\\d+\"");
        assertThat(j.get("accountid").asString()).isEqualTo(id);
        assertThat(j.get("name").asString()).isEqualTo("Contoso é");
        assertThat(j.get("revenue").isNumber()).isTrue();
        assertThat(j.get("revenue").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(j.get("numberofemployees").asInt()).isEqualTo(12);
        assertThat(j.get("industrycode").isInt()).isTrue();
        assertThat(j.get("industrycode").asInt()).isEqualTo(3);
        assertThat(j.get("donotemail").asBoolean()).isTrue();
        assertThat(j.get("lastusedincampaign").asString()).isEqualTo("2024-03-01T10:20:30Z");
        assertThat(j.get("exchangerate").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(j.get("_primarycontactid_value").isNull()).isTrue();
        assertThat(j.has("telephone1")).isFalse();

        JsonNode all = http.get(api + "accounts(" + id + ")").json();
        assertThat(all.get("@odata.context").asString()).isEqualTo(api + "$metadata#accounts/$entity");
        assertThat(all.has("telephone1")).isTrue();
        assertThat(all.get("createdon").asString()).endsWith("Z");
        assertThat(all.get("_ownerid_value").asString()).isNotBlank();
    }

    @Test void createWithRepresentationIs201() {
        WebApiHttp.Reply r = http.post(api + "accounts?$select=name,numberofemployees", "{\"name\":\"Fabrikam\",\"numberofemployees\":7}",
                "Prefer", "return=representation");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Preference-Applied")).isEqualTo("return=representation");
        JsonNode j = r.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#accounts(name,numberofemployees)/$entity");
        assertThat(j.get("name").asString()).isEqualTo("Fabrikam");
        assertThat(j.get("numberofemployees").asInt()).isEqualTo(7);
        assertThat(UUID.fromString(j.get("accountid").asString())).isNotNull();
        assertThat(j.get("@odata.etag").asString()).startsWith("W/\"");
    }

    @Test void lookupBindSetsAndFiltersLookups() {
        String contact = create("contacts", "{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\"}");
        String account = create("accounts", "{\"name\":\"Bound\",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        JsonNode j = http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json();
        assertThat(j.get("_primarycontactid_value").asString()).isEqualTo(contact);

        String child = create("contacts", "{\"lastname\":\"Child\",\"parentcustomerid_account@odata.bind\":\"accounts(" + account + ")\"}");
        JsonNode c = http.get(api + "contacts(" + child + ")?$select=_parentcustomerid_value").json();
        assertThat(c.get("_parentcustomerid_value").asString()).isEqualTo(account);

        JsonNode found = http.get(api + "accounts?$select=name&$filter=" + filter("_primarycontactid_value eq " + contact)).json();
        assertThat(found.get("value")).hasSize(1);
        assertThat(found.get("value").get(0).get("accountid").asString()).isEqualTo(account);
    }

    @Test void retrieveOfMissingRecordIs404() {
        WebApiHttp.Reply r = http.get(api + "accounts(" + UUID.randomUUID() + ")");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("0x80040217");
        assertThat(r.header("Content-Type")).startsWith("application/json; odata.metadata=minimal");
    }

    @Test void unknownSetIs404AndBadFilterIs400() {
        WebApiHttp.Reply r = http.get(api + "nosuchthings");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("0x80060888");
        WebApiHttp.Reply noOrg = http.get(server.server().baseUrl() + "/nosuchorg/api/data/v9.2/accounts");
        assertThat(noOrg.status()).isEqualTo(404);
        assertThat(noOrg.errorCode()).isEqualTo("0x8004A002");
        assertThat(http.get(api + "accounts(" + UUID.randomUUID() + ")/nosuchsegment/deeper").status()).isEqualTo(404);
        WebApiHttp.Reply bad = http.get(api + "accounts?$filter=" + filter("name eq"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply unknownColumn = http.get(api + "accounts?$select=nosuchcolumn");
        assertThat(unknownColumn.status()).isBetween(400, 404);
    }

    List<String> names(String query) {
        WebApiHttp.Reply r = http.get(api + "accounts?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode row : r.json().get("value")) names.add(row.get("name").asString());
        return names;
    }

    @Test void queryWithFilterOrderAndTop() {
        String p = "Q" + UUID.randomUUID().toString().substring(0, 6);
        create("accounts", "{\"name\":\"" + p + " Alpha\",\"numberofemployees\":10,\"telephone1\":\"555\"}");
        create("accounts", "{\"name\":\"" + p + " Beta\",\"numberofemployees\":20}");
        create("accounts", "{\"name\":\"" + p + " Gamma\",\"numberofemployees\":30,\"telephone1\":\"555\"}");
        create("accounts", "{\"name\":\"" + p + " O'Hara\",\"numberofemployees\":40}");
        String mine = "startswith(name,'" + p + "')";

        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$filter=" + filter(mine) + "&$orderby=" + filter("name desc"));
        assertThat(r.json().get("@odata.context").asString()).isEqualTo(api + "$metadata#accounts(name)");
        assertThat(r.json().get("value").get(0).get("@odata.etag").asString()).startsWith("W/\"");
        assertThat(names("$select=name&$filter=" + filter(mine) + "&$orderby=" + filter("name desc")))
                .containsExactly(p + " O'Hara", p + " Gamma", p + " Beta", p + " Alpha");
        assertThat(names("$select=name&$filter=" + filter(mine + " and numberofemployees gt 10 and numberofemployees le 30") + "&$orderby=name"))
                .containsExactly(p + " Beta", p + " Gamma");
        assertThat(names("$select=name&$filter=" + filter(mine + " and (numberofemployees eq 10 or numberofemployees ge 40)") + "&$orderby=name"))
                .containsExactly(p + " Alpha", p + " O'Hara");
        assertThat(names("$select=name&$filter=" + filter(mine + " and not (numberofemployees lt 20 or numberofemployees gt 30)") + "&$orderby=name"))
                .containsExactly(p + " Beta", p + " Gamma");
        assertThat(names("$select=name&$filter=" + filter(mine + " and numberofemployees ne 20 and telephone1 eq null") + "&$orderby=name"))
                .containsExactly(p + " O'Hara");
        assertThat(names("$select=name&$filter=" + filter(mine + " and telephone1 ne null") + "&$orderby=name"))
                .containsExactly(p + " Alpha", p + " Gamma");
        assertThat(names("$select=name&$filter=" + filter("contains(name,'" + p + " O''Har')"))).containsExactly(p + " O'Hara");
        assertThat(names("$select=name&$filter=" + filter(mine + " and endswith(name,'mma')"))).containsExactly(p + " Gamma");
        create("accounts", "{\"name\":\"" + p + " 50% off\"}");
        create("accounts", "{\"name\":\"" + p + " 500 off\"}");
        assertThat(names("$select=name&$filter=" + filter(mine + " and contains(name,'50%')"))).containsExactly(p + " 50% off");
        assertThat(names("$select=name&$filter=" + filter(mine + " and contains(name,'o''h')"))).containsExactly(p + " O'Hara");
        assertThat(names("$select=name&$filter=" + filter(mine + " and not contains(name,'ta')")))
                .containsExactlyInAnyOrder(p + " Alpha", p + " Gamma", p + " O'Hara", p + " 50% off", p + " 500 off");
        assertThat(names("$select=name&$filter=" + filter(mine + " and name eq '" + p + " Beta'"))).containsExactly(p + " Beta");
        assertThat(names("$select=name&$filter=" + filter(mine + " and numberofemployees ne null") + "&$top=2&$orderby=" + filter("numberofemployees desc")))
                .containsExactly(p + " O'Hara", p + " Gamma");
    }

    @Test void pagingFollowsAbsoluteNextLinks() {
        String p = "P" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 5; i++) create("accounts", "{\"name\":\"" + p + " " + i + "\"}");
        String url = api + "accounts?$select=name&$filter=" + filter("startswith(name,'" + p + "')") + "&$orderby=name";
        List<String> all = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            WebApiHttp.Reply r = http.get(url, "Prefer", "odata.maxpagesize=2");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Preference-Applied")).isEqualTo("odata.maxpagesize=2");
            for (JsonNode row : r.json().get("value")) all.add(row.get("name").asString());
            JsonNode next = r.json().get("@odata.nextLink");
            url = next == null ? null : next.asString();
            if (url != null) assertThat(url).startsWith(api + "accounts?").contains("$skiptoken=");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).containsExactly(p + " 1", p + " 2", p + " 3", p + " 4", p + " 5");
    }

    @Test void countsOfQueriesAndOfSets() {
        String p = "C" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 3; i++) create("accounts", "{\"name\":\"" + p + " " + i + "\"}");
        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$filter=" + filter("startswith(name,'" + p + "')") + "&$count=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("@odata.count").asInt()).isEqualTo(3);
        assertThat(r.json().has("@odata.nextLink")).isFalse();
        assertThat(r.header("Preference-Applied")).isNull();

        WebApiHttp.Reply all = http.get(api + "accounts/$count");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("text/plain");
        assertThat(all.body()).startsWith("\uFEFF");
        assertThat(Integer.parseInt(all.body().substring(1))).isGreaterThanOrEqualTo(3);
    }

    @Test void patchUpdatesUpsertsAndRespectsIfMatch() {
        String missing = UUID.randomUUID().toString();
        WebApiHttp.Reply notThere = http.patch(api + "accounts(" + missing + ")", "{\"name\":\"x\"}", "If-Match", "*");
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(notThere.errorCode()).isEqualTo("0x80040217");

        WebApiHttp.Reply upserted = http.patch(api + "accounts(" + missing + ")", "{\"name\":\"Upserted\"}");
        assertThat(upserted.status()).as(upserted.body()).isEqualTo(204);
        assertThat(upserted.header("OData-EntityId")).isEqualTo(api + "accounts(" + missing + ")");
        String etag = http.get(api + "accounts(" + missing + ")?$select=name").json().get("@odata.etag").asString();

        WebApiHttp.Reply updated = http.patch(api + "accounts(" + missing + ")", "{\"name\":\"Updated\",\"revenue\":10}", "If-Match", "*");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        JsonNode after = http.get(api + "accounts(" + missing + ")?$select=name,revenue").json();
        assertThat(after.get("name").asString()).isEqualTo("Updated");
        assertThat(after.get("@odata.etag").asString()).isNotEqualTo(etag);

        WebApiHttp.Reply blocked = http.patch(api + "accounts(" + missing + ")", "{\"name\":\"Again\"}", "If-None-Match", "*");
        assertThat(blocked.status()).isEqualTo(412);

        WebApiHttp.Reply represented = http.patch(api + "accounts(" + missing + ")?$select=name", "{\"name\":\"Shown\"}",
                "If-Match", "*", "Prefer", "return=representation");
        assertThat(represented.status()).as(represented.body()).isEqualTo(200);
        assertThat(represented.json().get("name").asString()).isEqualTo("Shown");

        WebApiHttp.Reply badType = http.patch(api + "accounts(" + missing + ")", "{\"numberofemployees\":\"many\"}", "If-Match", "*");
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test void deleteRemovesTheRecord() {
        String id = create("accounts", "{\"name\":\"Doomed\"}");
        WebApiHttp.Reply r = http.delete(api + "accounts(" + id + ")");
        assertThat(r.status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")").status()).isEqualTo(404);
        assertThat(http.delete(api + "accounts(" + id + ")").status()).isEqualTo(404);
        String other = create("accounts", "{\"name\":\"Versioned\"}");
        assertThat(http.delete(api + "accounts(" + other + ")", "If-Match", "W/\"1\"").status()).isEqualTo(412);
        assertThat(http.get(api + "accounts(" + other + ")").status()).isEqualTo(200);
    }

    @Test void bothSurfacesSeeTheSameValues() {
        String sdk = server.orgUrl() + "/api/xrm/v1/execute";
        String contact = create("contacts", "{\"lastname\":\"Both\"}");
        WebApiHttp.Reply viaSdk = http.post(sdk, "{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\","
                + "\"Attributes\":{\"name\":\"From SDK\",\"revenue\":{\"$type\":\"Money\",\"Value\":\"12.50\"},"
                + "\"industrycode\":{\"$type\":\"OptionSetValue\",\"Value\":2},"
                + "\"lastusedincampaign\":{\"$type\":\"DateTime\",\"Value\":\"2025-06-30T23:59:58Z\"},"
                + "\"primarycontactid\":{\"$type\":\"EntityReference\",\"LogicalName\":\"contact\",\"Id\":\"" + contact + "\"}}}}}");
        assertThat(viaSdk.status()).as(viaSdk.body()).isEqualTo(200);
        String sdkId = viaSdk.json().get("Results").get("id").get("Value").asString();
        JsonNode web = http.get(api + "accounts(" + sdkId + ")?$select=name,revenue,industrycode,lastusedincampaign,_primarycontactid_value").json();
        assertThat(web.get("name").asString()).isEqualTo("From SDK");
        assertThat(web.get("revenue").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(web.get("industrycode").asInt()).isEqualTo(2);
        assertThat(web.get("lastusedincampaign").asString()).isEqualTo("2025-06-30T23:59:58Z");
        assertThat(web.get("_primarycontactid_value").asString()).isEqualTo(contact);

        String webId = create("accounts", "{\"name\":\"From Web API\",\"revenue\":12.5,\"industrycode\":2,"
                + "\"lastusedincampaign\":\"2025-06-30T23:59:58Z\",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        WebApiHttp.Reply back = http.post(sdk, "{\"RequestName\":\"Retrieve\",\"Parameters\":{\"Target\":{\"$type\":\"EntityReference\","
                + "\"LogicalName\":\"account\",\"Id\":\"" + webId + "\"},\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":false,"
                + "\"Columns\":[\"name\",\"revenue\",\"industrycode\",\"lastusedincampaign\",\"primarycontactid\"]}}}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        JsonNode a = back.json().get("Results").get("Entity").get("Attributes");
        assertThat(a.get("name").asString()).isEqualTo("From Web API");
        assertThat(new java.math.BigDecimal(a.get("revenue").get("Value").asString())).isEqualByComparingTo("12.5");
        assertThat(a.get("industrycode").get("Value").asInt()).isEqualTo(2);
        assertThat(a.get("lastusedincampaign").get("Value").asString()).isEqualTo("2025-06-30T23:59:58Z");
        assertThat(a.get("primarycontactid").get("Id").asString()).isEqualTo(contact);
    }

    @Test void sdkProtocolStillAnswersOnTheSamePort() {
        WebApiHttp.Reply r = http.post(server.orgUrl() + "/api/xrm/v1/execute", "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("Results").get("UserId")).isNotNull();
    }
}
