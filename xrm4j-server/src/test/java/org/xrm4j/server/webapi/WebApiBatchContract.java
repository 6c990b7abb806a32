package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * {@code $batch} over raw HTTP: the multipart shapes clients send and parse, change sets as one transaction,
 * Content-ID references, stop versus continue-on-error, the BatchSize limit and the concurrency limit, impersonation
 * and GETs inside a batch.
 */
abstract class WebApiBatchContract extends WebApiServerContract {
    WebApiHttp.Reply send(BatchBody batch, String... headers) {
        return http.batch(api + "$batch", batch.build(), batch.contentType(), headers);
    }

    JsonNode accounts(String prefix) {
        return http.get(api + "accounts?$select=name&$orderby=name&$filter=" + WebApiContract.filter("startswith(name,'" + prefix + "')"))
                .json().get("value");
    }

    static String id(String entityIdHeader) { return entityIdHeader.replaceAll(".*\\((.*)\\)$", "$1"); }

    @Test void changeSetWithReferencesAnsweredInDataverseShape() {
        String prefix = "cs1-" + UUID.randomUUID();
        BatchBody batch = new BatchBody()
                .part("GET", api + "WhoAmI", null)
                .change("1", "POST", api + "contacts", "{\"firstname\":\"Ada\",\"lastname\":\"" + prefix + "\"}")
                .change("2", "POST", api + "accounts", "{\"name\":\"" + prefix + "\",\"primarycontactid@odata.bind\":\"$1\"}")
                .change("3", "PATCH", "$1", "{\"jobtitle\":\"Engineer\"}", "If-Match", "*")
                .part("GET", api + "accounts?$select=name,_primarycontactid_value&$filter=name eq '" + prefix + "'", null);
        WebApiHttp.Reply r = send(batch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("multipart/mixed; boundary=batchresponse_");
        assertThat(r.body()).startsWith("--batchresponse_");
        assertThat(r.body()).containsPattern("--batchresponse_[0-9a-f-]{36}\r\nContent-Type: multipart/mixed; boundary=changesetresponse_[0-9a-f-]{36}\r\n\r\n--changesetresponse_");
        assertThat(r.body()).contains("HTTP/1.1 204 No Content\r\n").endsWith("--\r\n");

        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).extracting(BatchBody.Answer::status).containsExactly(200, 204, 204, 204, 200);
        assertThat(answers).extracting(BatchBody.Answer::inChangeSet).containsExactly(false, true, true, true, false);
        assertThat(answers).extracting(BatchBody.Answer::contentId).containsExactly(null, "1", "2", "3", null);
        assertThat(answers.get(0).header("Content-Type")).isEqualTo("application/json; odata.metadata=minimal");
        String contactId = id(answers.get(1).header("OData-EntityId"));
        String accountId = id(answers.get(2).header("OData-EntityId"));
        assertThat(answers.get(2).header("OData-EntityId")).isEqualTo(api + "accounts(" + accountId + ")");
        assertThat(id(answers.get(3).header("OData-EntityId"))).isEqualTo(contactId);

        JsonNode found = WebApiHttp.JSON.readTree(answers.get(4).body()).get("value");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("accountid").asString()).isEqualTo(accountId);
        assertThat(found.get(0).get("_primarycontactid_value").asString()).isEqualTo(contactId);
        assertThat(http.get(api + "contacts(" + contactId + ")?$select=jobtitle").json().get("jobtitle").asString()).isEqualTo("Engineer");
    }

    @Test void referenceAsUrlPrefixAndRepresentationInsideAChangeSet() {
        String prefix = "cs2-" + UUID.randomUUID();
        BatchBody batch = new BatchBody()
                .change("a", "POST", "accounts?$select=name", "{\"name\":\"" + prefix + "\"}", "Prefer", "return=representation")
                .change("b", "PATCH", "$a?$select=name,numberofemployees", "{\"numberofemployees\":7}", "If-Match", "*", "Prefer", "return=representation");
        WebApiHttp.Reply r = send(batch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).extracting(BatchBody.Answer::statusLine).containsExactly("HTTP/1.1 201 Created", "HTTP/1.1 200 OK");
        JsonNode created = WebApiHttp.JSON.readTree(answers.get(0).body());
        JsonNode updated = WebApiHttp.JSON.readTree(answers.get(1).body());
        assertThat(created.get("name").asString()).isEqualTo(prefix);
        assertThat(updated.get("accountid").asString()).isEqualTo(created.get("accountid").asString());
        assertThat(updated.get("numberofemployees").asInt()).isEqualTo(7);
    }

    @Test void aFailedChangeSetLeavesNothingAndAnswersTheFailingPart() {
        String prefix = "cs3-" + UUID.randomUUID();
        BatchBody batch = new BatchBody()
                .change("1", "POST", api + "accounts", "{\"name\":\"" + prefix + " a\"}")
                .change("2", "POST", api + "contacts", "{\"lastname\":\"" + prefix + "\",\"parentcustomerid_account@odata.bind\":\"$1\"}")
                .change("3", "POST", api + "accounts", "{\"name\":\"" + prefix + " b\"}")
                .change("4", "PATCH", api + "accounts(" + UUID.randomUUID() + ")", "{\"name\":\"missing\"}", "If-Match", "*")
                .change("5", "POST", api + "accounts", "{\"name\":\"" + prefix + " c\"}");
        WebApiHttp.Reply r = send(batch);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).startsWith("--batchresponse_").doesNotContain("changesetresponse_");
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().contentId()).isEqualTo("4");
        assertThat(answers.getFirst().statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        JsonNode error = WebApiHttp.JSON.readTree(answers.getFirst().body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("0x80040217");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(accounts(prefix)).isEmpty();
        assertThat(http.get(api + "contacts?$select=lastname&$filter=" + WebApiContract.filter("lastname eq '" + prefix + "'"))
                .json().get("value")).isEmpty();

        // A value the engine refuses after a run of Creates (the bulk path) rolls the run back too.
        BatchBody invalid = new BatchBody();
        for (int i = 0; i < 5; i++) invalid.change(String.valueOf(i), "POST", "accounts", "{\"name\":\"" + prefix + " v" + i + "\"}");
        invalid.change("5", "POST", "accounts", "{\"name\":\"" + prefix + "x".repeat(200) + "\"}");
        WebApiHttp.Reply refused = send(invalid, "Prefer", "odata.continue-on-error");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(BatchBody.answers(refused.body())).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.contentId()).isEqualTo("5");
        });
        assertThat(accounts(prefix)).isEmpty();
    }

    @Test void stopAtTheFirstFailureUnlessContinueOnError() {
        for (boolean continueOnError : List.of(false, true)) {
            String prefix = "st-" + continueOnError + "-" + UUID.randomUUID();
            BatchBody batch = new BatchBody()
                    .part("POST", "accounts", "{\"name\":\"" + prefix + " 1\"}")
                    .part("PATCH", "accounts(" + UUID.randomUUID() + ")", "{\"name\":\"x\"}", "If-Match", "*")
                    .part("POST", "nosuchset", "{\"name\":\"x\"}")
                    .part("POST", "accounts", "{\"name\":\"" + prefix + " 2\"}");
            WebApiHttp.Reply r = continueOnError ? send(batch, "Prefer", "odata.continue-on-error") : send(batch);
            List<BatchBody.Answer> answers = BatchBody.answers(r.body());
            if (continueOnError) {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(answers).extracting(BatchBody.Answer::status).containsExactly(204, 404, 404, 204);
                assertThat(accounts(prefix)).hasSize(2);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(answers).extracting(BatchBody.Answer::status).containsExactly(204, 404);
                assertThat(accounts(prefix)).hasSize(1);
            }
        }
    }

    @Test void partsAreParsedAsClientsWriteThem() {
        String prefix = "pe-" + UUID.randomUUID();
        String created = id(http.post(api + "accounts", "{\"name\":\"" + prefix + " a b\"}").header("OData-EntityId"));
        String path = server.orgUrl().substring(server.server().baseUrl().length()) + "/api/data/v9.2/";
        // LF line endings, a quoted boundary, no leading empty line, a bodyless last part without an empty line, URLs
        // absolute, absolute-path and relative, with unencoded spaces and quotes in the query.
        String body = "--b_1\n"
                + "Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n"
                + "GET " + api + "accounts?$select=name&$filter=name eq '" + prefix + " a b'&$orderby=name desc HTTP/1.1\n"
                + "Accept: application/json\n\n"
                + "--b_1\n"
                + "Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n"
                + "POST " + path + "accounts HTTP/1.1\nContent-Type: application/json\n\n{\"name\":\"" + prefix + " c\"}\n\n"
                + "--b_1\n"
                + "Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n"
                + "GET accounts(" + created + ")?$select=name HTTP/1.1\n"
                + "--b_1--\n";
        WebApiHttp.Reply r = http.batch(api + "$batch", body, "multipart/mixed; boundary=\"b_1\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).extracting(BatchBody.Answer::status).containsExactly(200, 204, 200);
        assertThat(WebApiHttp.JSON.readTree(answers.get(0).body()).get("value").get(0).get("accountid").asString()).isEqualTo(created);
        assertThat(WebApiHttp.JSON.readTree(answers.get(2).body()).get("name").asString()).isEqualTo(prefix + " a b");
        assertThat(accounts(prefix)).hasSize(2);

        WebApiHttp.Reply unterminated = http.batch(api + "$batch", "--b_1\nContent-Type: application/http\n\nGET WhoAmI HTTP/1.1\n", "multipart/mixed;boundary=b_1");
        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(unterminated.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply notMultipart = http.post(api + "$batch", "{}");
        assertThat(notMultipart.status()).isEqualTo(400);
        assertThat(notMultipart.json().get("error").get("message").asString()).contains("multipart/mixed");
    }

    @Test void unknownContentIdReferenceFailsTheChangeSet() {
        String prefix = "ref-" + UUID.randomUUID();
        BatchBody batch = new BatchBody()
                .change("1", "POST", "accounts", "{\"name\":\"" + prefix + "\"}")
                .change("2", "PATCH", "$9", "{\"name\":\"x\"}", "If-Match", "*");
        WebApiHttp.Reply r = send(batch);
        assertThat(r.status()).isEqualTo(400);
        BatchBody.Answer a = BatchBody.answers(r.body()).getFirst();
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("0x80040203").contains("Content-ID Reference: '$9'");
        assertThat(accounts(prefix)).isEmpty();
    }

    @Test void aLongQueryRunsInsideABatch() {
        String prefix = "lq-" + UUID.randomUUID();
        http.post(api + "accounts", "{\"name\":\"" + prefix + "\"}");
        StringBuilder filter = new StringBuilder("name eq '" + prefix + "'");
        for (int i = 0; i < 60; i++) filter.append(" or name eq 'no such account number ").append(i).append("'");
        String url = api + "accounts?$select=name&$filter=" + filter;
        assertThat(url.length()).isGreaterThan(2000);
        WebApiHttp.Reply r = send(new BatchBody().part("GET", url, null));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode value = WebApiHttp.JSON.readTree(BatchBody.answers(r.body()).getFirst().body()).get("value");
        assertThat(value).hasSize(1);
        assertThat(value.get(0).get("name").asString()).isEqualTo(prefix);
    }

    @Test void aBatchOverBatchSizeRunsNothing() {
        String prefix = "lim-" + UUID.randomUUID();
        server.server().engine().settings().set("BatchSize", 3);
        try {
            BatchBody batch = new BatchBody().part("POST", "accounts", "{\"name\":\"" + prefix + " 0\"}");
            for (int i = 1; i < 4; i++) batch.change(String.valueOf(i), "POST", "accounts", "{\"name\":\"" + prefix + " " + i + "\"}");
            WebApiHttp.Reply r = send(batch);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("0x80040315");
            assertThat(r.json().get("error").get("message").asString()).contains("BatchSize");
            assertThat(accounts(prefix)).isEmpty();
        } finally {
            server.server().engine().settings().set("BatchSize", 1000);
        }
    }

    @Test void thousandCreatesInOneChangeSet() {
        String prefix = "k-" + UUID.randomUUID();
        BatchBody batch = new BatchBody();
        for (int i = 0; i < 1000; i++) batch.change(String.valueOf(100001 + i), "POST", "accounts", "{\"name\":\"" + prefix + String.format(" %04d", i) + "\"}");
        WebApiHttp.Reply r = send(batch);
        assertThat(r.status()).isEqualTo(200);
        List<BatchBody.Answer> answers = BatchBody.answers(r.body());
        assertThat(answers).hasSize(1000).allSatisfy(a -> assertThat(a.status()).isEqualTo(204));
        assertThat(answers.get(999).contentId()).isEqualTo("101000");
        String last = id(answers.get(999).header("OData-EntityId"));
        assertThat(http.get(api + "accounts(" + last + ")?$select=name").json().get("name").asString()).isEqualTo(prefix + " 0999");
        assertThat(http.get(api + "accounts?$select=name&$count=true&$filter=" + WebApiContract.filter("startswith(name,'" + prefix + "')"))
                .json().get("@odata.count").asInt()).isEqualTo(1000);
    }

    @Test void callerIdOfTheBatchAppliesToEveryPart() {
        String prefix = "imp-" + UUID.randomUUID();
        String admin = http.get(api + "WhoAmI").json().get("UserId").asString();
        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Bea", "Batch", "bea." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        BatchBody batch = new BatchBody()
                .part("POST", "accounts", "{\"name\":\"" + prefix + " 1\"}")
                .change("1", "POST", "accounts", "{\"name\":\"" + prefix + " 2\"}");
        WebApiHttp.Reply r = send(batch, "MSCRMCallerID", basic.userId().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (BatchBody.Answer a : BatchBody.answers(r.body())) {
            JsonNode j = http.get(api + "accounts(" + id(a.header("OData-EntityId")) + ")?$select=_createdby_value,_createdonbehalfby_value").json();
            assertThat(j.get("_createdby_value").asString()).isEqualTo(basic.userId().toString());
            assertThat(j.get("_createdonbehalfby_value").asString()).isEqualTo(admin);
        }
        // A part cannot impersonate someone else than the batch does.
        WebApiHttp.Reply other = send(new BatchBody().part("POST", "accounts", "{\"name\":\"" + prefix + " 3\"}", "MSCRMCallerID", admin),
                "MSCRMCallerID", basic.userId().toString());
        assertThat(BatchBody.answers(other.body()).getFirst().status()).isEqualTo(400);
        assertThat(accounts(prefix)).hasSize(2);
    }

    @Test void theConcurrencyLimitAnswers503WithRetryAfter() throws Exception {
        String prefix = "busy-" + UUID.randomUUID();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PipelineStep blocker = new PipelineStep() {
            @Override public String messageName() { return "Create"; }
            @Override public int stage() { return PRE_OPERATION; }
            @Override public void execute(StepContext c, OrganizationRequest r, OrganizationResponse res) {
                if (!((CreateRequest) r).target().get("name", String.class).startsWith(prefix + " block")) return;
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        server.server().engine().settings().set("ExecuteMultiplePerOrgMaxConnectionsPerServer", 1);
        server.server().engine().pipeline().register(blocker);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<WebApiHttp.Reply> running = pool.submit(() -> send(new BatchBody().part("POST", "accounts", "{\"name\":\"" + prefix + " block\"}")));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            WebApiHttp.Reply busy = send(new BatchBody().part("POST", "accounts", "{\"name\":\"" + prefix + " second\"}"));
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("1");
            assertThat(busy.errorCode()).isEqualTo("0x8004A001");
            release.countDown();
            assertThat(running.get().status()).isEqualTo(200);
        } finally {
            release.countDown();
            server.server().engine().pipeline().unregister(blocker);
            server.server().engine().settings().set("ExecuteMultiplePerOrgMaxConnectionsPerServer", 0);
        }
        assertThat(accounts(prefix)).extracting(a -> a.get("name").asString()).containsExactly(prefix + " block");
    }
}
