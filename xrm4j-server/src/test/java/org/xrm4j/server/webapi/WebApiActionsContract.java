package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.solutions.SolutionFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The Web API's actions over raw HTTP: Merge, ImportSolution, ImportSolutionAsync, DeleteAndPromote, the bound
 * CreateMultiple and UpdateMultiple (all or nothing), {@code Prefer: respond-async} with the background-operation
 * status resource, and the faults for unknown actions.
 */
abstract class WebApiActionsContract extends WebApiServerContract {
    static String mergeBody(String master, String subordinate, String content) {
        return "{\"Target\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + master + "\"},"
                + "\"Subordinate\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + subordinate + "\"},"
                + "\"UpdateContent\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\"" + content + "},\"PerformParentingChecks\":false}";
    }

    /** Polls a system job until it completes, and answers its statuscode. */
    int awaitJob(String id) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            JsonNode j = http.get(api + "asyncoperations(" + id + ")?$select=statecode,statuscode,message").json();
            if (j.get("statecode").asInt() == 3) return j.get("statuscode").asInt();
            sleep();
        }
        throw new AssertionError("The job " + id + " did not complete in 60 s");
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test void retrievePrincipalAccessTakesItsTargetInlineOrAsAnAlias() {
        String account = create("accounts", "{\"name\":\"Access\"}");
        String me = http.get(api + "WhoAmI").json().get("UserId").asString();
        String aliased = api + "systemusers(" + me + ")/RetrievePrincipalAccess(Target=@p1)?@p1="
                + java.net.URLEncoder.encode("{\"@odata.id\":\"" + api + "accounts(" + account + ")\"}", java.nio.charset.StandardCharsets.UTF_8);
        WebApiHttp.Reply r = http.get(aliased);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("AccessRights").asString()).startsWith("ReadAccess, WriteAccess");
        String inline = api + "systemusers(" + me + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target="
                + java.net.URLEncoder.encode("{\"@odata.id\":\"accounts(" + account + ")\"}", java.nio.charset.StandardCharsets.UTF_8) + ")";
        assertThat(http.get(inline).status()).isEqualTo(200);
        WebApiHttp.Reply missing = http.get(api + "systemusers(" + me + ")/RetrievePrincipalAccess(Target=@p1)?@p1="
                + java.net.URLEncoder.encode("{\"@odata.id\":\"accounts(" + java.util.UUID.randomUUID() + ")\"}", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        WebApiHttp.Reply noAlias = http.get(api + "systemusers(" + me + ")/RetrievePrincipalAccess(Target=@p1)");
        assertThat(noAlias.status()).isEqualTo(400);
        assertThat(noAlias.errorCode()).isEqualTo("0x80040203");
    }

    @Test void mergeMovesDataAndDeactivatesTheSubordinate() {
        String master = create("accounts", "{\"name\":\"Merge master\"}");
        String sub = create("accounts", "{\"name\":\"Merge sub\",\"telephone1\":\"555-0100\"}");
        WebApiHttp.Reply r = http.post(api + "Merge", mergeBody(master, sub, ",\"websiteurl\":\"https://merged.example\""));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode m = http.get(api + "accounts(" + master + ")?$select=websiteurl").json();
        assertThat(m.get("websiteurl").asString()).isEqualTo("https://merged.example");
        JsonNode s = http.get(api + "accounts(" + sub + ")?$select=statecode,_masterid_value,merged").json();
        assertThat(s.get("statecode").asInt()).isEqualTo(1);
        assertThat(s.get("_masterid_value").asString()).isEqualTo(master);

        WebApiHttp.Reply missingFlag = http.post(api + "Merge", mergeBody(master, sub, "").replace(",\"PerformParentingChecks\":false", ""));
        assertThat(missingFlag.status()).as(missingFlag.body()).isEqualTo(400);
        WebApiHttp.Reply untyped = http.post(api + "Merge", "{\"Target\":{\"accountid\":\"" + master + "\"},\"PerformParentingChecks\":false}");
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.errorCode()).isEqualTo("0x80040203");
        assertThat(untyped.json().get("error").get("message").asString()).contains("Target");
    }

    @Test void importSolutionCreatesTheTableAndItsImportJob() {
        String job = UUID.randomUUID().toString();
        String file = Base64.getEncoder().encodeToString(SolutionFixtures.leaveSolution("WaImport", "1.0.0.0", "xt_WaImp"));
        WebApiHttp.Reply r = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":true,\"PublishWorkflows\":true,"
                + "\"CustomizationFile\":\"" + file + "\",\"ImportJobId\":\"" + job + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        JsonNode j = http.get(api + "importjobs(" + job + ")?$select=solutionname,data,completedon").json();
        assertThat(j.get("solutionname").asString()).isEqualTo("WaImport");
        assertThat(j.get("data").asString()).contains("success");
        assertThat(http.post(api + "xt_waimps", "{\"xt_name\":\"row\"}").status()).isEqualTo(204);

        WebApiHttp.Reply bad = http.post(api + "ImportSolution", "{\"CustomizationFile\":\"%%%\",\"ImportJobId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").get("message").asString()).contains("CustomizationFile");
    }

    @Test void importSolutionAsyncAnswersTheJobAndItsImportJobKey() {
        String file = Base64.getEncoder().encodeToString(SolutionFixtures.leaveSolution("WaAsync", "1.0.0.0", "xt_WaAsy"));
        WebApiHttp.Reply r = http.post(api + "ImportSolutionAsync", "{\"OverwriteUnmanagedCustomizations\":false,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + file + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("@odata.context").asString()).isEqualTo(api + "$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse");
        String operation = j.get("AsyncOperationId").asString();
        String key = j.get("ImportJobKey").asString();
        assertThat(awaitJob(operation)).isEqualTo(30);
        assertThat(http.get(api + "importjobs(" + key + ")?$select=solutionname").json().get("solutionname").asString()).isEqualTo("WaAsync");
    }

    @Test void holdingImportThenDeleteAndPromoteAnswersTheSolutionId() {
        importFile(managed("WaUp", "1.0.0.0"), false);
        importFile(managed("WaUp", "2.0.0.0"), true);
        WebApiHttp.Reply r = http.post(api + "DeleteAndPromote", "{\"UniqueName\":\"WaUp\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String solutionId = r.json().get("SolutionId").asString();
        JsonNode s = http.get(api + "solutions(" + solutionId + ")?$select=uniquename,version").json();
        assertThat(s.get("uniquename").asString()).isEqualTo("WaUp");
        assertThat(s.get("version").asString()).isEqualTo("2.0.0.0");

        WebApiHttp.Reply none = http.post(api + "DeleteAndPromote", "{\"UniqueName\":\"WaUp\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("0x8004853B");
    }

    void importFile(byte[] zip, boolean holding) {
        WebApiHttp.Reply r = http.post(api + "ImportSolution", "{\"OverwriteUnmanagedCustomizations\":false,\"PublishWorkflows\":false,"
                + "\"CustomizationFile\":\"" + Base64.getEncoder().encodeToString(zip) + "\",\"ImportJobId\":\"" + UUID.randomUUID()
                + "\",\"HoldingSolution\":" + holding + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    static byte[] managed(String name, String version) {
        Map<String, byte[]> files = SolutionFixtures.files(name, version, "xt_WaUp", "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml(name, version).replace("<Managed>0<", "<Managed>1<")));
        return SolutionFixtures.zip(files);
    }

    @Test void createMultipleAnswersTheIdsAndIsAllOrNothing() {
        String prefix = "CM" + UUID.randomUUID().toString().substring(0, 8);
        WebApiHttp.Reply r = http.post(api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":["
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"" + prefix + " 1\",\"numberofemployees\":1},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"" + prefix + " 2\"},"
                + "{\"name\":\"" + prefix + " 3\",\"revenue\":3.5}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("@odata.context").asString()).isEqualTo(api + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
        JsonNode ids = r.json().get("Ids");
        assertThat(ids.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(api + "accounts(" + ids.get(i).asString() + ")?$select=name").json().get("name").asString())
                    .isEqualTo(prefix + " " + (i + 1));
        }

        String failing = "F" + prefix;
        WebApiHttp.Reply bad = http.post(api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":["
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"" + failing + " ok\"},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"" + failing + " " + "x".repeat(200) + "\"}]}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(http.get(api + "accounts?$select=name&$filter=" + WebApiContract.filter("startswith(name,'" + failing + "')"))
                .json().get("value")).isEmpty();

        WebApiHttp.Reply wrongTable = http.post(api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple",
                "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"x\"}]}");
        assertThat(wrongTable.status()).isEqualTo(400);
        assertThat(wrongTable.errorCode()).isEqualTo("0x80040203");
    }

    @Test void updateMultipleUpdatesEveryRecordOrNone() {
        String a = create("accounts", "{\"name\":\"UM a\"}");
        String b = create("accounts", "{\"name\":\"UM b\"}");
        WebApiHttp.Reply r = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpdateMultiple", "{\"Targets\":["
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + a + "\",\"numberofemployees\":7},"
                + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + b + "\",\"numberofemployees\":8}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(http.get(api + "accounts(" + a + ")?$select=numberofemployees").json().get("numberofemployees").asInt()).isEqualTo(7);
        assertThat(http.get(api + "accounts(" + b + ")?$select=numberofemployees").json().get("numberofemployees").asInt()).isEqualTo(8);

        WebApiHttp.Reply missing = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpdateMultiple", "{\"Targets\":["
                + "{\"accountid\":\"" + a + "\",\"numberofemployees\":70},"
                + "{\"accountid\":\"" + UUID.randomUUID() + "\",\"numberofemployees\":80}]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80040217");
        assertThat(http.get(api + "accounts(" + a + ")?$select=numberofemployees").json().get("numberofemployees").asInt()).isEqualTo(7);
    }

    @Test void respondAsyncRunsTheActionAsABackgroundOperation() {
        String master = create("accounts", "{\"name\":\"Async master\"}");
        String sub = create("accounts", "{\"name\":\"Async sub\"}");
        WebApiHttp.Reply r = http.post(api + "Merge", mergeBody(master, sub, ""), "Prefer", "respond-async");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.header("x-ms-dyn-backgroundoperationid");
        assertThat(r.header("Location")).isEqualTo(server.orgUrl() + "/api/backgroundoperation/" + id);
        assertThat(awaitJob(id)).isEqualTo(30);
        WebApiHttp.Reply status = http.get(r.header("Location"));
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.header("Content-Type")).startsWith("application/json");
        assertThat(status.json().get("backgroundOperationId").asString()).isEqualTo(id);
        assertThat(status.json().get("backgroundOperationStateCode").asInt()).isEqualTo(3);
        assertThat(status.json().get("backgroundOperationStatusCode").asInt()).isEqualTo(30);
        assertThat(http.get(api + "accounts(" + sub + ")?$select=statecode").json().get("statecode").asInt()).isEqualTo(1);

        WebApiHttp.Reply unknown = http.get(server.orgUrl() + "/api/backgroundoperation/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("0x80040217");
        assertThat(new WebApiHttp(null).get(r.header("Location")).status()).isEqualTo(401);

        // Where ExecuteAsync does not take the message, the preference is not applied: the action runs at once.
        WebApiHttp.Reply now = http.post(api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple",
                "{\"Targets\":[{\"name\":\"Not async\"}]}", "Prefer", "respond-async");
        assertThat(now.status()).isEqualTo(200);
    }

    @Test void unknownActionsAreNotFound() {
        WebApiHttp.Reply unbound = http.post(api + "NoSuchAction", "{}");
        assertThat(unbound.status()).isEqualTo(404);
        assertThat(unbound.errorCode()).isEqualTo("0x80060888");
        WebApiHttp.Reply bound = http.post(api + "accounts/Microsoft.Dynamics.CRM.NoSuchAction", "{}");
        assertThat(bound.status()).isEqualTo(404);
        assertThat(bound.errorCode()).isEqualTo("0x80060888");
        WebApiHttp.Reply get = http.get(api + "Merge");
        assertThat(get.errorCode()).isEqualTo("0x80040315");
    }

    /** Actions and metadata reads are operations like the others: they run as parts of a $batch, in change sets too. */
    @Test void actionsAndMetadataAsBatchParts() {
        String master = create("accounts", "{\"name\":\"Batch master\"}");
        String sub = create("accounts", "{\"name\":\"Batch sub\"}");
        String prefix = "BA" + UUID.randomUUID().toString().substring(0, 8);
        BatchBody batch = new BatchBody()
                .part("GET", api + "EntityDefinitions(LogicalName='account')?$select=EntitySetName", null)
                .change("1", "POST", api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple",
                        "{\"Targets\":[{\"name\":\"" + prefix + " 1\"},{\"name\":\"" + prefix + " 2\"}]}")
                .change("2", "POST", api + "Merge", mergeBody(master, sub, ",\"websiteurl\":\"https://batch.example\""));
        WebApiHttp.Reply r = http.batch(api + "$batch", batch.build(), batch.contentType());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"EntitySetName\":\"accounts\"", "\"Ids\":[", "HTTP/1.1 204");
        assertThat(http.get(api + "accounts?$select=name&$filter=" + WebApiContract.filter("startswith(name,'" + prefix + "')"))
                .json().get("value").size()).isEqualTo(2);
        assertThat(http.get(api + "accounts(" + sub + ")?$select=statecode").json().get("statecode").asInt()).isEqualTo(1);

        // A failing action fails its change set: the CreateMultiple before it leaves nothing.
        String failing = "BF" + UUID.randomUUID().toString().substring(0, 8);
        BatchBody rolledBack = new BatchBody()
                .change("1", "POST", api + "accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":[{\"name\":\"" + failing + "\"}]}")
                .change("2", "POST", api + "DeleteAndPromote", "{\"UniqueName\":\"NotInstalled\"}");
        WebApiHttp.Reply failed = http.batch(api + "$batch", rolledBack.build(), rolledBack.contentType());
        assertThat(failed.body()).contains("0x8004853B");
        assertThat(http.get(api + "accounts?$select=name&$filter=" + WebApiContract.filter("startswith(name,'" + failing + "')"))
                .json().get("value")).isEmpty();
    }

    /** DELETE on a background operation cancels a job that has not run: it ends Canceled and its merge never happens. */
    @Test void aWaitingBackgroundOperationCanBeCanceled() throws Exception {
        String master = create("accounts", "{\"name\":\"Cancel master\"}");
        String sub = create("accounts", "{\"name\":\"Cancel sub\"}");
        String location;
        // Holding the organization's claim lock keeps the job waiting, as the async service's own tests do.
        try (java.sql.Connection c = server.server().database().connection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("SELECT id FROM \"" + server.org().schema() + "\".\"xrm_asynclock\" WHERE id = 1 FOR UPDATE");
                 var rs = ps.executeQuery()) {
                rs.next();
            }
            WebApiHttp.Reply r = http.post(api + "Merge", mergeBody(master, sub, ""), "Prefer", "respond-async");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            location = r.header("Location");
            assertThat(http.get(location).json().get("backgroundOperationStateCode").asInt()).isZero();
            WebApiHttp.Reply canceled = http.delete(location);
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            assertThat(canceled.json().get("backgroundOperationStateCode").asInt()).isEqualTo(3);
            assertThat(canceled.json().get("backgroundOperationStatusCode").asInt()).isEqualTo(32);
            c.rollback();
        }
        Thread.sleep(300);
        assertThat(http.get(location).json().get("backgroundOperationStatusCode").asInt()).isEqualTo(32);
        assertThat(http.get(api + "accounts(" + sub + ")?$select=statecode").json().get("statecode").asInt()).isZero();
        WebApiHttp.Reply again = http.delete(location);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("0x80040233");
    }
}
