package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import org.xrm4j.server.solutions.SolutionFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The Web API's writes beyond plain records, over raw HTTP: optimistic concurrency ({@code If-Match} with an etag,
 * {@code If-None-Match} on reads), single properties, {@code $ref} links for one-to-many and many-to-many
 * relationships, deep insert (all or nothing), alternate keys in addresses, {@code $n/nav} in a change set, and
 * impersonation by {@code CallerObjectId}.
 */
abstract class WebApiWritesContract extends WebApiServerContract {
    String leaveName;

    @BeforeAll void prepare() {
        // A custom table related many-to-many to contact (xt_leave_contact).
        WebApiHttp.Reply r = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + Base64.getEncoder().encodeToString(SolutionFixtures.leaveSolution("WriteLeave", "1.0.0.0", "xt_Leave"))
                + "\",\"ImportJobId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        leaveName = server.org().metadata().entity("xt_leave").primaryNameAttribute();
        // Alternate keys: account by accountnumber, contact by first and last name.
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
        WebApiKeys.define(server, "contact", "new_FullNameKey", "firstname", "lastname");
    }

    static String id(WebApiHttp.Reply r) { return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1"); }

    WebApiHttp.Reply put(String url, String body) { return http.send("PUT", url, body); }

    // ---- optimistic concurrency

    @Test void ifMatchWithAnEtagWritesOnlyTheVersionItNames() {
        String id = create("accounts", "{\"name\":\"Etag\"}");
        String etag = http.get(api + "accounts(" + id + ")?$select=name").json().get("@odata.etag").asString();
        assertThat(etag).matches("W/\"\\d+\"");

        WebApiHttp.Reply first = http.patch(api + "accounts(" + id + ")", "{\"name\":\"Etag 2\"}", "If-Match", etag);
        assertThat(first.status()).as(first.body()).isEqualTo(204);
        WebApiHttp.Reply stale = http.patch(api + "accounts(" + id + ")", "{\"name\":\"Etag 3\"}", "If-Match", etag);
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("0x80060882");
        assertThat(http.get(api + "accounts(" + id + ")?$select=name").json().get("name").asString()).isEqualTo("Etag 2");

        WebApiHttp.Reply staleDelete = http.delete(api + "accounts(" + id + ")", "If-Match", etag);
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(staleDelete.errorCode()).isEqualTo("0x80060882");
        WebApiHttp.Reply bad = http.patch(api + "accounts(" + id + ")", "{\"name\":\"x\"}", "If-Match", "version-7");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("0x80040203");

        String current = http.get(api + "accounts(" + id + ")?$select=name").json().get("@odata.etag").asString();
        assertThat(current).isNotEqualTo(etag);
        WebApiHttp.Reply missing = http.patch(api + "accounts(" + UUID.randomUUID() + ")", "{\"name\":\"x\"}", "If-Match", current);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(http.delete(api + "accounts(" + id + ")", "If-Match", current).status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")").status()).isEqualTo(404);
    }

    @Test void ifNoneMatchOnAReadAnswers304WhileTheRecordIsUnchanged() {
        String id = create("accounts", "{\"name\":\"Cached\"}");
        String etag = http.get(api + "accounts(" + id + ")?$select=name").json().get("@odata.etag").asString();
        WebApiHttp.Reply unchanged = http.get(api + "accounts(" + id + ")?$select=name", "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(http.patch(api + "accounts(" + id + ")", "{\"name\":\"Cached 2\"}", "If-Match", "*").status()).isEqualTo(204);
        WebApiHttp.Reply changed = http.get(api + "accounts(" + id + ")?$select=name", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Cached 2");
        assertThat(changed.json().get("@odata.etag").asString()).isNotEqualTo(etag);
    }

    // ---- single properties

    @Test void aSinglePropertyIsReadWrittenAndCleared() {
        String id = create("accounts", "{\"name\":\"Single\",\"numberofemployees\":12}");
        WebApiHttp.Reply name = http.get(api + "accounts(" + id + ")/name");
        assertThat(name.status()).as(name.body()).isEqualTo(200);
        assertThat(name.json().get("@odata.context").asString()).isEqualTo(api + "$metadata#accounts(" + id + ")/name");
        assertThat(name.json().get("value").asString()).isEqualTo("Single");
        assertThat(http.get(api + "accounts(" + id + ")/numberofemployees").json().get("value").asInt()).isEqualTo(12);
        WebApiHttp.Reply raw = http.get(api + "accounts(" + id + ")/name/$value");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.header("Content-Type")).startsWith("text/plain");
        assertThat(raw.body()).isEqualTo("Single");

        assertThat(put(api + "accounts(" + id + ")/name", "{\"value\":\"Renamed\"}").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")?$select=name").json().get("name").asString()).isEqualTo("Renamed");
        assertThat(put(api + "accounts(" + id + ")/numberofemployees", "{\"value\":40}").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")/numberofemployees/$value").body()).isEqualTo("40");

        assertThat(http.delete(api + "accounts(" + id + ")/numberofemployees").status()).isEqualTo(204);
        WebApiHttp.Reply empty = http.get(api + "accounts(" + id + ")/numberofemployees");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();

        assertThat(http.get(api + "accounts(" + id + ")/nosuchcolumn").status()).isEqualTo(404);
        assertThat(http.get(api + "accounts(" + UUID.randomUUID() + ")/name").status()).isEqualTo(404);
        WebApiHttp.Reply noValue = put(api + "accounts(" + id + ")/name", "{\"name\":\"x\"}");
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.errorCode()).isEqualTo("0x80040203");
    }

    // ---- $ref

    @Test void refLinksAndUnlinksOneToManyAndSingleValuedNavigation() {
        String account = create("accounts", "{\"name\":\"Ref parent\"}");
        String c1 = create("contacts", "{\"firstname\":\"Ref\",\"lastname\":\"One\"}");
        String c2 = create("contacts", "{\"firstname\":\"Ref\",\"lastname\":\"Two\"}");

        WebApiHttp.Reply absolute = http.post(api + "accounts(" + account + ")/contact_customer_accounts/$ref",
                "{\"@odata.id\":\"" + api + "contacts(" + c1 + ")\"}");
        assertThat(absolute.status()).as(absolute.body()).isEqualTo(204);
        assertThat(http.post(api + "accounts(" + account + ")/contact_customer_accounts/$ref",
                "{\"@odata.id\":\"contacts(" + c2 + ")\"}").status()).isEqualTo(204);
        assertThat(parentOf(c1)).isEqualTo(account);
        assertThat(parentOf(c2)).isEqualTo(account);

        assertThat(http.delete(api + "accounts(" + account + ")/contact_customer_accounts(" + c1 + ")/$ref").status()).isEqualTo(204);
        assertThat(parentOf(c1)).isNull();
        WebApiHttp.Reply byId = http.delete(api + "accounts(" + account + ")/contact_customer_accounts/$ref?$id="
                + encode(api + "contacts(" + c2 + ")"));
        assertThat(byId.status()).as(byId.body()).isEqualTo(204);
        assertThat(parentOf(c2)).isNull();

        WebApiHttp.Reply set = put(api + "accounts(" + account + ")/primarycontactid/$ref", "{\"@odata.id\":\"" + api + "contacts(" + c1 + ")\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json().get("_primarycontactid_value").asString())
                .isEqualTo(c1);
        assertThat(http.delete(api + "accounts(" + account + ")/primarycontactid/$ref").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json().get("_primarycontactid_value").isNull())
                .isTrue();

        WebApiHttp.Reply wrongTable = http.post(api + "accounts(" + account + ")/contact_customer_accounts/$ref",
                "{\"@odata.id\":\"accounts(" + account + ")\"}");
        assertThat(wrongTable.status()).isEqualTo(400);
        WebApiHttp.Reply unknownNav = http.post(api + "accounts(" + account + ")/nosuch_nav/$ref", "{\"@odata.id\":\"contacts(" + c1 + ")\"}");
        assertThat(unknownNav.status()).isEqualTo(404);
        WebApiHttp.Reply missing = http.post(api + "accounts(" + account + ")/contact_customer_accounts/$ref",
                "{\"@odata.id\":\"contacts(" + UUID.randomUUID() + ")\"}");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test void refLinksManyToManyThroughTheIntersectTable() {
        String leave = create("xt_leaves", "{\"" + leaveName + "\":\"Holiday\"}");
        String contact = create("contacts", "{\"firstname\":\"Many\",\"lastname\":\"ToMany\"}");
        String url = api + "xt_leaves(" + leave + ")/xt_leave_contact/$ref";
        WebApiHttp.Reply linked = http.post(url, "{\"@odata.id\":\"" + api + "contacts(" + contact + ")\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(204);
        WebApiHttp.Reply again = http.post(url, "{\"@odata.id\":\"" + api + "contacts(" + contact + ")\"}");
        assertThat(again.status()).isEqualTo(412);
        assertThat(again.errorCode()).isEqualTo("0x80040237");
        // From the other end, by the same relationship name.
        assertThat(http.delete(api + "contacts(" + contact + ")/xt_leave_contact(" + leave + ")/$ref").status()).isEqualTo(204);
        assertThat(http.post(url, "{\"@odata.id\":\"contacts(" + contact + ")\"}").status()).isEqualTo(204);
    }

    String parentOf(String contact) {
        JsonNode v = http.get(api + "contacts(" + contact + ")?$select=_parentcustomerid_value").json().get("_parentcustomerid_value");
        return v.isNull() ? null : v.asString();
    }

    // ---- deep insert

    @Test void deepInsertCreatesEveryNestedRecordLinked() {
        String tag = "Deep" + UUID.randomUUID().toString().substring(0, 8);
        WebApiHttp.Reply r = http.post(api + "accounts", "{\"name\":\"" + tag + "\","
                + "\"primarycontactid\":{\"firstname\":\"Primary\",\"lastname\":\"" + tag + "\","
                + "  \"contact_customer_contacts\":[{\"firstname\":\"Grandchild\",\"lastname\":\"" + tag + "\"}]},"
                + "\"contact_customer_accounts\":[{\"firstname\":\"Child1\",\"lastname\":\"" + tag + "\"},"
                + "  {\"firstname\":\"Child2\",\"lastname\":\"" + tag + "\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String account = id(r);
        String primary = http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json().get("_primarycontactid_value").asString();
        assertThat(http.get(api + "contacts(" + primary + ")?$select=firstname").json().get("firstname").asString()).isEqualTo("Primary");
        JsonNode contacts = http.get(api + "contacts?$select=firstname,_parentcustomerid_value&$orderby=firstname&$filter="
                + encode("lastname eq '" + tag + "'")).json().get("value");
        assertThat(contacts.size()).isEqualTo(4);
        assertThat(contacts.get(0).get("firstname").asString()).isEqualTo("Child1");
        assertThat(contacts.get(0).get("_parentcustomerid_value").asString()).isEqualTo(account);
        assertThat(contacts.get(1).get("_parentcustomerid_value").asString()).isEqualTo(account);
        assertThat(contacts.get(2).get("firstname").asString()).isEqualTo("Grandchild");
        assertThat(contacts.get(2).get("_parentcustomerid_value").asString()).isEqualTo(primary);

        WebApiHttp.Reply represented = http.post(api + "accounts?$select=name", "{\"name\":\"" + tag + " rep\","
                + "\"contact_customer_accounts\":[{\"firstname\":\"Rep\",\"lastname\":\"" + tag + "\"}]}", "Prefer", "return=representation");
        assertThat(represented.status()).as(represented.body()).isEqualTo(201);
        assertThat(represented.json().get("name").asString()).isEqualTo(tag + " rep");
    }

    @Test void deepInsertIsAllOrNothing() {
        String tag = "Atomic" + UUID.randomUUID().toString().substring(0, 8);
        WebApiHttp.Reply r = http.post(api + "accounts", "{\"name\":\"" + tag + "\","
                + "\"contact_customer_accounts\":[{\"firstname\":\"Fine\",\"lastname\":\"" + tag + "\"},"
                + "  {\"firstname\":\"Broken\",\"lastname\":\"" + tag + "\",\"birthdate\":\"not a date\"}]}");
        assertThat(r.status()).isEqualTo(400);
        WebApiHttp.Reply late = http.post(api + "accounts", "{\"name\":\"" + tag + "\","
                + "\"contact_customer_accounts\":[{\"firstname\":\"Fine\",\"lastname\":\"" + tag + "\"},"
                + "  {\"firstname\":\"" + "x".repeat(300) + "\",\"lastname\":\"" + tag + "\"}]}");
        assertThat(late.status()).as(late.body()).isGreaterThanOrEqualTo(400);
        assertThat(http.get(api + "accounts?$select=name&$filter=" + encode("name eq '" + tag + "'")).json().get("value").size()).isZero();
        assertThat(http.get(api + "contacts?$select=firstname&$filter=" + encode("lastname eq '" + tag + "'")).json().get("value").size()).isZero();
        WebApiHttp.Reply shape = http.post(api + "accounts", "{\"name\":\"" + tag + "\",\"contact_customer_accounts\":{\"firstname\":\"x\"}}");
        assertThat(shape.status()).isEqualTo(400);
    }

    @Test void postToACollectionNavigationCreatesARelatedRecord() {
        String account = create("accounts", "{\"name\":\"Related parent\"}");
        WebApiHttp.Reply r = http.post(api + "accounts(" + account + ")/contact_customer_accounts", "{\"firstname\":\"Born\",\"lastname\":\"Related\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.header("OData-EntityId")).contains("/contacts(");
        assertThat(parentOf(id(r))).isEqualTo(account);
        String leave = create("xt_leaves", "{\"" + leaveName + "\":\"Related leave\"}");
        WebApiHttp.Reply many = http.post(api + "xt_leaves(" + leave + ")/xt_leave_contact", "{\"firstname\":\"Linked\",\"lastname\":\"Many\"}");
        assertThat(many.status()).as(many.body()).isEqualTo(204);
        // Created and associated: associating again is a duplicate.
        WebApiHttp.Reply again = http.post(api + "xt_leaves(" + leave + ")/xt_leave_contact/$ref", "{\"@odata.id\":\"contacts(" + id(many) + ")\"}");
        assertThat(again.status()).isEqualTo(412);
    }

    // ---- alternate keys

    @Test void alternateKeysAddressRecords() {
        String number = "AK-" + UUID.randomUUID().toString().substring(0, 8);
        WebApiHttp.Reply created = http.patch(api + "accounts(accountnumber='" + number + "')", "{\"name\":\"Keyed\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        JsonNode got = http.get(api + "accounts(accountnumber='" + number + "')?$select=name,accountnumber").json();
        assertThat(got.get("name").asString()).isEqualTo("Keyed");
        assertThat(got.get("accountnumber").asString()).isEqualTo(number);
        String id = got.get("accountid").asString();

        assertThat(http.patch(api + "accounts(accountnumber='" + number + "')", "{\"name\":\"Keyed 2\"}").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")?$select=name").json().get("name").asString()).isEqualTo("Keyed 2");
        assertThat(http.patch(api + "accounts(accountnumber='" + number + "')", "{\"name\":\"Keyed 3\"}", "If-Match", "*").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(accountnumber='" + number + "')/name/$value").body()).isEqualTo("Keyed 3");

        String first = "Ada" + UUID.randomUUID().toString().substring(0, 6);
        create("contacts", "{\"firstname\":\"" + first + "\",\"lastname\":\"O'Brien\"}");
        WebApiHttp.Reply compound = http.get(api + "contacts(firstname='" + first + "',lastname='O''Brien')?$select=fullname");
        assertThat(compound.status()).as(compound.body()).isEqualTo(200);
        assertThat(http.get(api + "contacts(lastname='O''Brien',firstname='" + first + "')").status()).isEqualTo(200);
        create("contacts", "{\"firstname\":\"" + first + " Two\",\"lastname\":\"Space, Comma\"}");
        WebApiHttp.Reply encoded = http.get(api + "contacts(firstname='" + first + "%20Two',lastname='Space,%20Comma')?$select=lastname");
        assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);
        assertThat(encoded.json().get("lastname").asString()).isEqualTo("Space, Comma");

        WebApiHttp.Reply notAKey = http.get(api + "accounts(name='Keyed%203')");
        assertThat(notAKey.status()).isEqualTo(400);
        assertThat(notAKey.errorCode()).isEqualTo("0x80040203");
        assertThat(notAKey.json().get("error").get("message").asString()).contains("not an alternate key").contains("accountnumber");
        WebApiHttp.Reply missing = http.get(api + "accounts(accountnumber='nope-" + UUID.randomUUID() + "')");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        assertThat(http.patch(api + "accounts(accountnumber='nope-" + UUID.randomUUID() + "')", "{\"name\":\"x\"}", "If-Match", "*").status())
                .isEqualTo(404);

        WebApiHttp.Reply child = http.post(api + "accounts(accountnumber='" + number + "')/contact_customer_accounts",
                "{\"firstname\":\"Keyed\",\"lastname\":\"Child\"}");
        assertThat(child.status()).as(child.body()).isEqualTo(204);
        assertThat(parentOf(id(child))).isEqualTo(id);
        assertThat(http.delete(api + "accounts(accountnumber='" + number + "')/contact_customer_accounts(" + id(child) + ")/$ref").status())
                .isEqualTo(204);
        assertThat(parentOf(id(child))).isNull();

        assertThat(http.delete(api + "accounts(accountnumber='" + number + "')").status()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + id + ")").status()).isEqualTo(404);
    }

    @Test void theSdkProtocolNamesRecordsByKeyAttributesToo() {
        String sdk = server.orgUrl() + "/api/xrm/v1/execute";
        String number = "SDK-" + UUID.randomUUID().toString().substring(0, 8);
        String upsert = "{\"RequestName\":\"Upsert\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\","
                + "\"KeyAttributes\":{\"accountnumber\":\"" + number + "\"},\"Attributes\":{\"name\":\"Over SDK\"}}}}";
        WebApiHttp.Reply created = http.post(sdk, upsert);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("Results").get("RecordCreated").asBoolean()).isTrue();
        WebApiHttp.Reply updated = http.post(sdk, upsert);
        assertThat(updated.json().get("Results").get("RecordCreated").asBoolean()).isFalse();
        assertThat(http.get(api + "accounts(accountnumber='" + number + "')/name/$value").body()).isEqualTo("Over SDK");
        WebApiHttp.Reply wrongKey = http.post(sdk, "{\"RequestName\":\"Delete\",\"Parameters\":{\"Target\":{\"$type\":\"EntityReference\","
                + "\"LogicalName\":\"account\",\"KeyAttributes\":{\"name\":\"Over SDK\"}}}}");
        assertThat(wrongKey.status()).isEqualTo(400);
    }

    @Test void aDeepInsertInABatchPartIsOneTransaction() {
        String tag = "BatchDeep" + UUID.randomUUID().toString().substring(0, 8);
        BatchBody batch = new BatchBody()
                .part("POST", "accounts", "{\"name\":\"" + tag + "\",\"contact_customer_accounts\":[{\"firstname\":\"Ok\",\"lastname\":\"" + tag
                        + "\"}]}")
                .part("POST", "accounts", "{\"name\":\"" + tag + " bad\",\"contact_customer_accounts\":[{\"firstname\":\"Ok\",\"lastname\":\""
                        + tag + " bad\"},{\"firstname\":\"" + "x".repeat(300) + "\",\"lastname\":\"" + tag + " bad\"}]}");
        WebApiHttp.Reply r = http.batch(api + "$batch", batch.build(), batch.contentType(), "Prefer", "odata.continue-on-error");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers.get(0).status()).isEqualTo(204);
        assertThat(answers.get(1).status()).isGreaterThanOrEqualTo(400);
        String account = answers.get(0).headers().get("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
        JsonNode child = http.get(api + "contacts?$select=_parentcustomerid_value&$filter=" + encode("lastname eq '" + tag + "'")).json().get("value");
        assertThat(child.size()).isEqualTo(1);
        assertThat(child.get(0).get("_parentcustomerid_value").asString()).isEqualTo(account);
        assertThat(http.get(api + "contacts?$select=firstname&$filter=" + encode("lastname eq '" + tag + " bad'")).json().get("value").size()).isZero();
        assertThat(http.get(api + "accounts?$select=name&$filter=" + encode("name eq '" + tag + " bad'")).json().get("value").size()).isZero();
    }

    @Test void aChangeSetCreatesRelatedRecordsThroughContentIdNavigation() {
        String tag = "Batch" + UUID.randomUUID().toString().substring(0, 8);
        BatchBody batch = new BatchBody()
                .change("1", "POST", "accounts", "{\"name\":\"" + tag + "\"}")
                .change("2", "POST", "$1/contact_customer_accounts", "{\"firstname\":\"In\",\"lastname\":\"" + tag + "\"}")
                .change("3", "PUT", "$1/primarycontactid/$ref", "{\"@odata.id\":\"$2\"}");
        WebApiHttp.Reply r = http.batch(api + "$batch", batch.build(), batch.contentType());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).extracting(BatchBody.Answer::status).containsExactly(204, 204, 204);
        String account = answers.get(0).headers().get("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
        String contact = answers.get(1).headers().get("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
        assertThat(parentOf(contact)).isEqualTo(account);
        assertThat(http.get(api + "accounts(" + account + ")?$select=_primarycontactid_value").json().get("_primarycontactid_value").asString())
                .isEqualTo(contact);
    }

    // ---- CallerObjectId

    @Test void callerObjectIdImpersonatesTheUserWithThatEntraObjectId() {
        Deployment.IssuedUser user = server.server().engine().deployment()
                .createUser(server.org(), "Olga", "Object", "olga." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        String objectId = UUID.randomUUID().toString();
        WebApiHttp.Reply set = http.patch(api + "systemusers(" + user.userId() + ")", "{\"azureactivedirectoryobjectid\":\"" + objectId + "\"}",
                "If-Match", "*");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        WebApiHttp.Reply who = http.get(api + "WhoAmI", "CallerObjectId", objectId.toUpperCase(java.util.Locale.ROOT));
        assertThat(who.status()).as(who.body()).isEqualTo(200);
        assertThat(who.json().get("UserId").asString()).isEqualTo(user.userId().toString());
        String account = id(http.post(api + "accounts", "{\"name\":\"On behalf\"}", "CallerObjectId", objectId));
        assertThat(http.get(api + "accounts(" + account + ")?$select=_createdby_value,_createdonbehalfby_value").json()
                .get("_createdby_value").asString()).isEqualTo(user.userId().toString());

        WebApiHttp.Reply unknown = http.get(api + "WhoAmI", "CallerObjectId", UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("0x80048D1A");
        assertThat(unknown.json().get("error").get("message").asString()).contains("azureactivedirectoryobjectid");
        WebApiHttp.Reply notAGuid = http.get(api + "WhoAmI", "CallerObjectId", "someone");
        assertThat(notAGuid.status()).isEqualTo(400);

        // Inside a $batch the part may repeat the batch's impersonation, but not name another user.
        BatchBody same = new BatchBody().part("GET", "WhoAmI", null, "CallerObjectId", objectId);
        WebApiHttp.Reply sameReply = http.batch(api + "$batch", same.build(), same.contentType(), "CallerObjectId", objectId);
        assertThat(BatchBody.answers(sameReply.body()).getFirst().body()).contains(user.userId().toString());
        BatchBody other = new BatchBody().part("GET", "WhoAmI", null, "CallerObjectId", objectId);
        WebApiHttp.Reply otherReply = http.batch(api + "$batch", other.build(), other.contentType());
        assertThat(BatchBody.answers(otherReply.body()).getFirst().status()).isEqualTo(400);
    }
}
