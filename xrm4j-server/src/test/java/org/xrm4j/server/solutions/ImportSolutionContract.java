package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.DeleteAndPromoteResponse;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ImportSolutionAsyncRequest;
import org.xrm4j.sdk.messages.ImportSolutionAsyncResponse;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.UploadBlockRequest;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.security.Role;

/**
 * ImportSolution over HTTP with the Java client: a file shaped like a real export installs tables that then take
 * records; bad files fault without changing anything; the solution, its components and the import job are rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportSolutionContract {
    TestServers.TestServer server;
    HttpOrganizationService client;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        client = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
    }

    @AfterAll void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    UUID importSolution(byte[] file) {
        UUID job = UUID.randomUUID();
        client.execute(new ImportSolutionRequest().customizationFile(file).overwriteUnmanagedCustomizations(false)
                .publishWorkflows(false).importJobId(job));
        return job;
    }

    static void fault(ErrorCode code, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(FaultException.class)
                .satisfies(e -> assertThat(((FaultException) e).errorCode()).as(e.getMessage()).isEqualTo(code.code()));
    }

    List<Entity> rows(String table, String column, Object value, String... columns) {
        QueryExpression q = new QueryExpression(table).columnSet(new ColumnSet(columns));
        q.criteria().addCondition(column, ConditionOperator.Equal, value);
        return client.retrieveMultiple(q).entities();
    }

    @Test void organizationOwnedTableOfAnExportTakesRecordsWithoutAnOrganization() {
        // Exports list an organization-owned table's OrganizationId (system required) and its relationship to Organization.
        Map<String, byte[]> m = SolutionFixtures.files("XtOrgOwned", "1.0", "xt_Office", SolutionFixtures.attribute("OrganizationId", "lookup",
                "<LookupStyle>single</LookupStyle><LookupTypes />").replace("<RequiredLevel>none</RequiredLevel>", "<RequiredLevel>systemrequired</RequiredLevel>"));
        String customizations = new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<OwnershipTypeMask>UserOwned</OwnershipTypeMask>", "<OwnershipTypeMask>OrgOwned</OwnershipTypeMask>")
                .replace("<EntityRelationships>", "<EntityRelationships><EntityRelationship Name=\"organization_xt_office\">"
                        + "<EntityRelationshipType>OneToMany</EntityRelationshipType><ReferencingEntityName>xt_Office</ReferencingEntityName>"
                        + "<ReferencedEntityName>Organization</ReferencedEntityName><CascadeDelete>NoCascade</CascadeDelete>"
                        + "<ReferencingAttributeName>OrganizationId</ReferencingAttributeName></EntityRelationship>");
        m.put("customizations.xml", SolutionFixtures.utf8(customizations));
        importSolution(SolutionFixtures.zip(m));
        UUID id = client.create(new Entity("xt_office").set("xt_name", "Head office"));
        assertThat(client.retrieve("xt_office", id, new ColumnSet("xt_name")).get("xt_name")).isEqualTo("Head office");
    }

    @Test void importedTableTakesRecordsWithGlobalOptionValueAndUserLookup() {
        UUID job = importSolution(SolutionFixtures.leaveSolution("XtLeave", "1.0.0.1", "xt_Leave"));
        UUID me = ((WhoAmIResponse) client.execute(new WhoAmIRequest())).userId();
        UUID id = client.create(new Entity("xt_leave").set("xt_name", "Summer").set("xt_hours", 40)
                .set("xt_reason", new OptionSetValue(123450001)).set("xt_approver", new EntityReference("systemuser", me))
                .set("xt_kind", new OptionSetValue(2)).set("xt_paid", true).set("xt_notes", "two weeks"));
        Entity e = client.retrieve("xt_leave", id, new ColumnSet("xt_name", "xt_hours", "xt_reason", "xt_approver", "xt_kind",
                "xt_paid", "statecode", "statuscode", "ownerid"));
        assertThat(e.get("xt_name")).isEqualTo("Summer");
        assertThat(e.get("xt_hours")).isEqualTo(40);
        assertThat(e.get("xt_reason")).isEqualTo(new OptionSetValue(123450001));
        assertThat(((EntityReference) e.get("xt_approver")).id()).isEqualTo(me);
        assertThat(e.get("statecode")).isEqualTo(new OptionSetValue(0));
        assertThat(e.get("statuscode")).isEqualTo(new OptionSetValue(1));
        assertThat(((EntityReference) e.get("ownerid")).id()).isEqualTo(me);
        // The global option set was copied into the column: a value outside it is refused.
        assertThatThrownBy(() -> client.create(new Entity("xt_leave").set("xt_name", "Bad").set("xt_reason", new OptionSetValue(7))))
                .isInstanceOf(FaultException.class);
        // The lookup is a real relationship to systemuser: a user that does not exist is refused.
        assertThatThrownBy(() -> client.create(new Entity("xt_leave").set("xt_name", "Ghost")
                .set("xt_approver", new EntityReference("systemuser", UUID.randomUUID())))).isInstanceOf(FaultException.class);
        // A column added to an existing system table.
        UUID contact = client.create(new Entity("contact").set("lastname", "Doe").set("xt_nickname", "JD"));
        assertThat(client.retrieve("contact", contact, new ColumnSet("xt_nickname")).get("xt_nickname")).isEqualTo("JD");

        Entity solution = rows("solution", "uniquename", "XtLeave", "version", "ismanaged", "publisherid", "friendlyname").getFirst();
        assertThat(solution.get("version")).isEqualTo("1.0.0.1");
        assertThat(solution.get("ismanaged")).isEqualTo(false);
        UUID publisherId = ((EntityReference) solution.get("publisherid")).id();
        Entity publisher = client.retrieve("publisher", publisherId, new ColumnSet("uniquename", "customizationprefix", "customizationoptionvalueprefix"));
        assertThat(publisher.get("customizationprefix")).isEqualTo("xt");
        assertThat(publisher.get("customizationoptionvalueprefix")).isEqualTo(12345);
        List<Entity> components = rows("solutioncomponent", "solutionid", solution.id(), "componenttype", "schemaname");
        assertThat(components).anySatisfy(c -> {
            assertThat(c.get("componenttype")).isEqualTo(new OptionSetValue(1));
            assertThat(c.get("schemaname")).isEqualTo("xt_leave");
        });
        assertThat(components).extracting(c -> ((OptionSetValue) c.get("componenttype")).value()).contains(1, 2, 9, 10);

        Entity importJob = client.retrieve("importjob", job, new ColumnSet("solutionname", "progress", "data", "startedon", "completedon"));
        assertThat(importJob.get("solutionname")).isEqualTo("XtLeave");
        assertThat(((Number) importJob.get("progress")).doubleValue()).isEqualTo(100.0);
        assertThat(importJob.get("startedon")).isNotNull();
        assertThat(importJob.get("completedon")).isNotNull();
        String log = (String) importJob.get("data");
        assertThat(log).startsWith("<importexportxml").contains("<UniqueName>XtLeave</UniqueName>")
                .contains("<entity id=\"xt_leave\" name=\"xt_leave\" processed=\"true\"><result result=\"success\"")
                .contains("name=\"xt_leave.xt_photo\" processed=\"true\"><result result=\"success\"");
        // The image column is a real one: an image uploaded into it is what the record shows.
        String token = ((InitializeFileBlocksUploadResponse) client.execute(new InitializeFileBlocksUploadRequest()
                .target(new EntityReference("xt_leave", id)).fileAttributeName("xt_photo").fileName("p.jpg"))).fileContinuationToken();
        client.execute(new UploadBlockRequest().blockId("QQ==").blockData(new byte[] {1, 2, 3}).fileContinuationToken(token));
        UUID fileId = ((CommitFileBlocksUploadResponse) client.execute(new CommitFileBlocksUploadRequest().fileName("p.jpg")
                .mimeType("image/jpeg").blockList(List.of("QQ==")).fileContinuationToken(token))).fileId();
        assertThat(client.retrieve("xt_leave", id, new ColumnSet("xt_photo")).get("xt_photo")).isEqualTo(fileId);
    }

    @Test void zipWithoutCustomizationsFaultsAndChangesNothing() {
        Map<String, byte[]> files = SolutionFixtures.files("XtNoCust", "1.0.0.0", "xt_NoCust", "");
        files.remove("customizations.xml");
        fault(ErrorCodes.ImportCustomizationsBadZipFileError, () -> importSolution(SolutionFixtures.zip(files)));
        assertThat(rows("solution", "uniquename", "XtNoCust", "uniquename")).isEmpty();
        fault(ErrorCodes.QueryBuilderNoEntity, () -> client.create(new Entity("xt_nocust").set("xt_name", "x")));
    }

    @Test void entryOutsideTheArchiveIsRefused() {
        Map<String, byte[]> files = SolutionFixtures.files("XtClimb", "1.0.0.0", "xt_Climb", "");
        files.put("../x", SolutionFixtures.utf8("x"));
        fault(ErrorCodes.ImportCustomizationsBadZipFileError, () -> importSolution(SolutionFixtures.zip(files)));
        assertThat(rows("solution", "uniquename", "XtClimb", "uniquename")).isEmpty();
        fault(ErrorCodes.QueryBuilderNoEntity, () -> client.create(new Entity("xt_climb").set("xt_name", "x")));
    }

    @Test void duplicateImportJobIdFaults() {
        UUID job = importSolution(SolutionFixtures.leaveSolution("XtDup", "1.0.0.0", "xt_Dup"));
        fault(ErrorCodes.DuplicatedJobId, () -> client.execute(new ImportSolutionRequest()
                .customizationFile(SolutionFixtures.leaveSolution("XtDup2", "1.0.0.0", "xt_Dup2")).overwriteUnmanagedCustomizations(false)
                .publishWorkflows(false).importJobId(job)));
        assertThat(rows("solution", "uniquename", "XtDup2", "uniquename")).isEmpty();
    }

    /** A re-import updates the solution in place: same row, components registered once, new columns added. */
    @Test void reimportUpdatesTheSolution() {
        importSolution(SolutionFixtures.leaveSolution("XtAgain", "1.0.0.0", "xt_Again"));
        UUID solutionId = rows("solution", "uniquename", "XtAgain", "version").getFirst().id();
        List<Object> first = rows("solutioncomponent", "solutionid", solutionId, "schemaname").stream().map(c -> c.get("schemaname")).toList();
        UUID id = client.create(new Entity("xt_again").set("xt_name", "kept"));
        importSolution(SolutionFixtures.leaveSolution("XtAgain", "1.0.0.0", "xt_Again"));
        List<Entity> solutions = rows("solution", "uniquename", "XtAgain", "version");
        assertThat(solutions).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(solutionId));
        List<Object> second = rows("solutioncomponent", "solutionid", solutionId, "schemaname").stream().map(c -> c.get("schemaname")).toList();
        assertThat(second).as("the same components, once each").containsExactlyInAnyOrderElementsOf(first);
        int components = second.size();

        importSolution(SolutionFixtures.zip(SolutionFixtures.files("XtAgain", "1.1.0.0", "xt_Again",
                SolutionFixtures.attribute("xt_Extra", "bigint", ""))));
        solutions = rows("solution", "uniquename", "XtAgain", "version");
        assertThat(solutions).singleElement().satisfies(s -> assertThat(s.get("version")).isEqualTo("1.1.0.0"));
        assertThat(rows("solutioncomponent", "solutionid", solutions.getFirst().id(), "schemaname")).hasSize(components + 1);
        assertThat(client.retrieve("xt_again", id, new ColumnSet("xt_name")).get("xt_name")).isEqualTo("kept");
        client.update(new Entity("xt_again", id).set("xt_extra", 9_000_000_000L));
        assertThat(client.retrieve("xt_again", id, new ColumnSet("xt_extra")).get("xt_extra")).isEqualTo(9_000_000_000L);
    }

    @Test void callerWithoutTheImportPrivilegeIsDenied() {
        var user = server.server().engine().deployment().createUser(server.org(), "No", "Import", "noimport@example.com", Role.BasicUser);
        try (var limited = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(user.token()).build()) {
            fault(ErrorCodes.PrivilegeDenied, () -> limited.execute(new ImportSolutionRequest()
                    .customizationFile(SolutionFixtures.leaveSolution("XtDenied", "1.0.0.0", "xt_Denied"))
                    .overwriteUnmanagedCustomizations(false).publishWorkflows(false).importJobId(UUID.randomUUID())));
        }
        assertThat(rows("solution", "uniquename", "XtDenied", "uniquename")).isEmpty();
    }

    Entity awaitJob(UUID job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Entity state = null;
        while (Instant.now().isBefore(deadline)) {
            state = client.retrieve("asyncoperation", job, new ColumnSet("statecode", "statuscode", "message", "operationtype"));
            if (((OptionSetValue) state.get("statecode")).value() == 3) break;
            Thread.sleep(50);
        }
        return state;
    }

    @Test void importRunsAsASystemJob() throws InterruptedException {
        UUID job = ((ExecuteAsyncResponse) client.execute(new ExecuteAsyncRequest().request(new ImportSolutionRequest()
                .customizationFile(SolutionFixtures.leaveSolution("XtAsync", "1.0.0.0", "xt_Async"))
                .overwriteUnmanagedCustomizations(false).publishWorkflows(false).importJobId(UUID.randomUUID())))).asyncJobId();
        Entity state = awaitJob(job);
        assertThat(state.get("statuscode")).as("%s", state.attributes()).isEqualTo(new OptionSetValue(30));
        UUID id = client.create(new Entity("xt_async").set("xt_name", "queued").set("xt_reason", new OptionSetValue(123450000)));
        assertThat(client.retrieve("xt_async", id, new ColumnSet("xt_reason")).get("xt_reason")).isEqualTo(new OptionSetValue(123450000));
    }

    @Test void importSolutionAsyncAnswersTheJobAndTheImportJobKey() throws InterruptedException {
        ImportSolutionAsyncResponse response = (ImportSolutionAsyncResponse) client.execute(new ImportSolutionAsyncRequest()
                .customizationFile(SolutionFixtures.leaveSolution("XtQueued", "1.0.0.0", "xt_Queued"))
                .overwriteUnmanagedCustomizations(false).publishWorkflows(false));
        Entity state = awaitJob(response.asyncOperationId());
        assertThat(state.get("operationtype")).isEqualTo(new OptionSetValue(203));
        assertThat(state.get("statuscode")).as("%s", state.attributes()).isEqualTo(new OptionSetValue(30));
        Entity importJob = client.retrieve("importjob", UUID.fromString(response.importJobKey()), new ColumnSet("solutionname", "data"));
        assertThat(importJob.get("solutionname")).isEqualTo("XtQueued");
        assertThat((String) importJob.get("data")).contains("result=\"success\"");
        assertThat(client.create(new Entity("xt_queued").set("xt_name", "from the queue"))).isNotNull();
    }

    /** A failure after the tables were created (here: a publisher prefix too long for its column) undoes them. */
    @Test void failedImportLeavesTheOrganizationAsBefore() {
        Map<String, byte[]> files = SolutionFixtures.files("XtFail", "1.0.0.0", "xt_Fail", "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml("XtFail", "1.0.0.0")
                .replace("XtPublisher", "XtLongPublisher").replace("<CustomizationPrefix>xt<", "<CustomizationPrefix>muchtoolongprefix<")));
        UUID job = UUID.randomUUID();
        assertThatThrownBy(() -> client.execute(new ImportSolutionRequest().customizationFile(SolutionFixtures.zip(files))
                .overwriteUnmanagedCustomizations(false).publishWorkflows(false).importJobId(job))).isInstanceOf(FaultException.class);
        fault(ErrorCodes.QueryBuilderNoEntity, () -> client.create(new Entity("xt_fail").set("xt_name", "x")));
        assertThat(rows("solution", "uniquename", "XtFail", "uniquename")).isEmpty();
        assertThat(rows("publisher", "uniquename", "XtLongPublisher", "uniquename")).isEmpty();
        // The attempt is recorded: its job row says why it failed.
        Entity importJob = client.retrieve("importjob", job, new ColumnSet("solutionname", "data", "completedon"));
        assertThat(importJob.get("solutionname")).isEqualTo("XtFail");
        assertThat((String) importJob.get("data")).contains("<UniqueName>XtFail</UniqueName>").contains("result=\"failure\"")
                .doesNotContain("result=\"success\"");
        // The table is really gone: the same solution with a valid publisher creates it again.
        importSolution(SolutionFixtures.leaveSolution("XtFail", "1.0.0.0", "xt_Fail"));
        assertThat(client.create(new Entity("xt_fail").set("xt_name", "now"))).isNotNull();
    }

    @Test void secondConcurrentSolutionOperationFaults() {
        Runnable release = SolutionLocks.acquire(server.org().organizationId());
        try {
            fault(ErrorCodes.SolutionConcurrencyFailure, () -> importSolution(SolutionFixtures.leaveSolution("XtBusy", "1.0.0.0", "xt_Busy")));
        } finally {
            release.run();
        }
        assertThat(rows("solution", "uniquename", "XtBusy", "uniquename")).isEmpty();
        importSolution(SolutionFixtures.leaveSolution("XtBusy", "1.0.0.0", "xt_Busy"));
        assertThat(rows("solution", "uniquename", "XtBusy", "uniquename")).hasSize(1);
    }

    @Test void manyToManyRelationshipGetsItsIntersectTable() {
        importSolution(SolutionFixtures.leaveSolution("XtPairs", "1.0.0.0", "xt_Pairs"));
        UUID leave = client.create(new Entity("xt_pairs").set("xt_name", "pair"));
        UUID contact = client.create(new Entity("contact").set("lastname", "Pair"));
        AssociateRequest associate = new AssociateRequest(new EntityReference("xt_pairs", leave), new Relationship("xt_pairs_contact"),
                EntityReferenceCollection.of(new EntityReference("contact", contact)));
        client.execute(associate);
        fault(ErrorCodes.DuplicateRecord, () -> client.execute(associate));
    }

    @Test void solutionKeepsItsKind() {
        importSolution(SolutionFixtures.leaveSolution("XtKind", "1.0.0.0", "xt_KindOf"));
        Map<String, byte[]> managed = SolutionFixtures.files("XtKind", "2.0.0.0", "xt_KindOf", "");
        managed.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml("XtKind", "2.0.0.0").replace("<Managed>0<", "<Managed>1<")));
        fault(ErrorCodes.ImportSolutionUnmanagedToManagedMismatch, () -> importSolution(SolutionFixtures.zip(managed)));
        assertThat(rows("solution", "uniquename", "XtKind", "version")).singleElement()
                .satisfies(s -> assertThat(s.get("version")).isEqualTo("1.0.0.0"));
    }

    @Test void invalidUniqueNameFaults() {
        Map<String, byte[]> files = SolutionFixtures.files("XtBadName", "1.0.0.0", "xt_BadName", "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml("1Bad-Name", "1.0.0.0")));
        fault(ErrorCodes.InvalidSolutionUniqueName, () -> importSolution(SolutionFixtures.zip(files)));
    }

    /**
     * The size the platform's own solutions reach, 50 tables of 40 columns (its speed is measured by the bench
     * module). While it imports, a second client polling its import job sees the progress climb from 0 to 100.
     */
    @Test void largeSolutionImportsWithProgressVisibleWhileItRuns() throws Exception {
        byte[] file = SolutionFixtures.large("XlLarge", 50, 40);
        UUID job = UUID.randomUUID();
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean importing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            try (HttpOrganizationService other = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build()) {
                while (importing.get()) {
                    QueryExpression q = new QueryExpression("importjob").columnSet(new ColumnSet("progress"));
                    q.criteria().addCondition("importjobid", ConditionOperator.Equal, job);
                    for (Entity e : other.retrieveMultiple(q).entities()) seen.add(((Number) e.get("progress")).doubleValue());
                }
            }
        });
        try {
            client.execute(new ImportSolutionRequest().customizationFile(file).overwriteUnmanagedCustomizations(false)
                    .publishWorkflows(false).importJobId(job));
        } finally {
            importing.set(false);
            watcher.join();
        }
        assertThat(seen).as("progress values seen while importing").isSorted()
                .anySatisfy(p -> assertThat(p).isGreaterThan(0.0).isLessThan(100.0));
        assertThat(((Number) client.retrieve("importjob", job, new ColumnSet("progress")).get("progress")).doubleValue()).isEqualTo(100.0);
        var metadata = server.org().metadata();
        for (int e = 0; e < 50; e++) {
            assertThat(metadata.entity("xl_t" + e).attributes().values().stream().filter(a -> a.custom()).count()).isEqualTo(40);
        }
        UUID first = client.create(new Entity("xl_t0").set("xl_name", "first").set("xl_a7", new OptionSetValue(2)));
        UUID second = client.create(new Entity("xl_t1").set("xl_name", "second").set("xl_a37", new EntityReference("xl_t0", first)));
        assertThat(((EntityReference) client.retrieve("xl_t1", second, new ColumnSet("xl_a37")).get("xl_a37")).id()).isEqualTo(first);
    }

    /** A re-import widens a text column and adds an option; the rows already there keep their values. */
    @Test void reimportWidensATextColumnAndAddsAnOption() {
        importSolution(SolutionFixtures.leaveSolution("XtWiden", "1.0.0.0", "xt_Widen"));
        UUID before = client.create(new Entity("xt_widen").set("xt_name", "x".repeat(120)).set("xt_kind", new OptionSetValue(1)));
        fault(ErrorCodes.Validation, () -> client.create(new Entity("xt_widen").set("xt_name", "y".repeat(250))));
        fault(ErrorCodes.Validation, () -> client.create(new Entity("xt_widen").set("xt_kind", new OptionSetValue(3))));

        Map<String, byte[]> files = SolutionFixtures.files("XtWiden", "1.1.0.0", "xt_Widen", "");
        files.put("customizations.xml", SolutionFixtures.utf8(SolutionFixtures.customizationsXml("xt_Widen", "")
                .replace("<MaxLength>120</MaxLength>", "<MaxLength>300</MaxLength>")
                .replace("<label description=\"Half day\" languagecode=\"1033\" /></labels></option>",
                        "<label description=\"Half day\" languagecode=\"1033\" /></labels></option>"
                                + "<option value=\"3\"><labels><label description=\"Hourly\" languagecode=\"1033\" /></labels></option>")));
        importSolution(SolutionFixtures.zip(files));

        UUID after = client.create(new Entity("xt_widen").set("xt_name", "y".repeat(250)).set("xt_kind", new OptionSetValue(3)));
        assertThat(client.retrieve("xt_widen", after, new ColumnSet("xt_name")).get("xt_name")).isEqualTo("y".repeat(250));
        Entity old = client.retrieve("xt_widen", before, new ColumnSet("xt_name", "xt_kind"));
        assertThat(old.get("xt_name")).isEqualTo("x".repeat(120));
        assertThat(old.get("xt_kind")).isEqualTo(new OptionSetValue(1));
    }

    /**
     * An unmanaged change to a column a managed solution installed is a customization: the next managed import keeps
     * it when OverwriteUnmanagedCustomizations is false, and replaces it when true.
     */
    @Test void managedImportKeepsUnmanagedCustomizationsUnlessTold() {
        managedWithHoursMax("XtLayer", "1.0.0.0", 80, false);
        UUID row = client.create(new Entity("xt_layer").set("xt_name", "r").set("xt_hours", 80));
        fault(ErrorCodes.Validation, () -> client.update(new Entity("xt_layer", row).set("xt_hours", 95)));

        Map<String, byte[]> customization = SolutionFixtures.files("XtLayerCustom", "1.0.0.0", "xt_Layer", "");
        customization.put("customizations.xml", SolutionFixtures.utf8(SolutionFixtures.customizationsXml("xt_Layer", "")
                .replace("<MaxValue>80</MaxValue>", "<MaxValue>100</MaxValue>")));
        importSolution(SolutionFixtures.zip(customization));
        client.update(new Entity("xt_layer", row).set("xt_hours", 95));

        UUID kept = managedWithHoursMax("XtLayer", "2.0.0.0", 90, false);
        client.update(new Entity("xt_layer", row).set("xt_hours", 99));
        assertThat((String) client.retrieve("importjob", kept, new ColumnSet("data")).get("data"))
                .contains("keeps its unmanaged customization");

        managedWithHoursMax("XtLayer", "3.0.0.0", 90, true);
        fault(ErrorCodes.Validation, () -> client.update(new Entity("xt_layer", row).set("xt_hours", 95)));
        client.update(new Entity("xt_layer", row).set("xt_hours", 90));
    }

    UUID managedWithHoursMax(String name, String version, int max, boolean overwrite) {
        Map<String, byte[]> files = SolutionFixtures.files(name, version, "xt_Layer", "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml(name, version).replace("<Managed>0<", "<Managed>1<")));
        files.put("customizations.xml", SolutionFixtures.utf8(SolutionFixtures.customizationsXml("xt_Layer", "")
                .replace("<MaxValue>80</MaxValue>", "<MaxValue>" + max + "</MaxValue>")));
        UUID job = UUID.randomUUID();
        client.execute(new ImportSolutionRequest().customizationFile(SolutionFixtures.zip(files))
                .overwriteUnmanagedCustomizations(overwrite).publishWorkflows(false).importJobId(job));
        return job;
    }

    static byte[] managed(String name, String version, String table, boolean withHours) {
        Map<String, byte[]> files = SolutionFixtures.files(name, version, table, "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml(name, version).replace("<Managed>0<", "<Managed>1<")));
        if (!withHours) {
            String hours = SolutionFixtures.attribute("xt_Hours", "int", "<Format>none</Format><MinValue>0</MinValue><MaxValue>80</MaxValue>");
            files.put("customizations.xml", SolutionFixtures.utf8(SolutionFixtures.customizationsXml(table, "").replace(hours, "")));
        }
        return SolutionFixtures.zip(files);
    }

    UUID importHolding(byte[] file) {
        UUID job = UUID.randomUUID();
        client.execute(new ImportSolutionRequest().customizationFile(file).overwriteUnmanagedCustomizations(false)
                .publishWorkflows(false).importJobId(job).holdingSolution(true));
        return job;
    }

    /** Holding import, then DeleteAndPromote: the column the new version dropped goes, the data of the rest stays. */
    @Test void holdingImportThenDeleteAndPromote() {
        importSolution(managed("XtUp", "1.0.0.0", "xt_Up", true));
        UUID id = client.create(new Entity("xt_up").set("xt_name", "before").set("xt_hours", 5));
        fault(ErrorCodes.SolutionUpgradeNotAvailable, () -> client.execute(new DeleteAndPromoteRequest("XtUp")));
        fault(ErrorCodes.SolutionUpgradeFailed, () -> importHolding(managed("XtUp", "1.0.0.0", "xt_Up", false)));

        importHolding(managed("XtUp", "2.0.0.0", "xt_Up", false));
        assertThat(rows("solution", "uniquename", "XtUp_Upgrade", "version")).singleElement()
                .satisfies(s -> assertThat(s.get("version")).isEqualTo("2.0.0.0"));
        assertThat(client.retrieve("xt_up", id, new ColumnSet("xt_hours")).get("xt_hours")).as("nothing removed before promotion").isEqualTo(5);
        fault(ErrorCodes.PendingUpgradeExists, () -> importHolding(managed("XtUp", "3.0.0.0", "xt_Up", false)));
        fault(ErrorCodes.PendingUpgradeExists, () -> importSolution(managed("XtUp", "3.0.0.0", "xt_Up", false)));
        UUID upgradeId = rows("solution", "uniquename", "XtUp_Upgrade", "version").getFirst().id();

        DeleteAndPromoteResponse promoted = (DeleteAndPromoteResponse) client.execute(new DeleteAndPromoteRequest("XtUp"));
        assertThat(promoted.solutionId()).isEqualTo(upgradeId);
        assertThat(rows("solution", "uniquename", "XtUp_Upgrade", "version")).isEmpty();
        assertThat(rows("solution", "uniquename", "XtUp", "version", "ismanaged")).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(upgradeId);
            assertThat(s.get("version")).isEqualTo("2.0.0.0");
        });
        assertThat(rows("solutioncomponent", "schemaname", "xt_up.xt_hours", "solutionid")).isEmpty();
        fault(ErrorCodes.QueryBuilderNoAttribute, () -> client.retrieve("xt_up", id, new ColumnSet("xt_hours")));
        assertThat(client.retrieve("xt_up", id, new ColumnSet("xt_name")).get("xt_name")).isEqualTo("before");
        fault(ErrorCodes.SolutionUpgradeNotAvailable, () -> client.execute(new DeleteAndPromoteRequest("XtUp")));
    }

    @Test void olderVersionOfAManagedSolutionIsRefused() {
        importSolution(managed("XtDown", "2.0.0.0", "xt_Down", true));
        fault(ErrorCodes.SolutionUpgradeFailed, () -> importSolution(managed("XtDown", "1.5.0.0", "xt_Down", true)));
        assertThat(rows("solution", "uniquename", "XtDown", "version")).singleElement()
                .satisfies(s -> assertThat(s.get("version")).isEqualTo("2.0.0.0"));
        importSolution(managed("XtDown", "2.0.0.0", "xt_Down", true));
    }

    /** A plain import of a higher version of a managed solution upgrades in one step. */
    @Test void higherManagedVersionUpgradesInOneStep() {
        importSolution(managed("XtStep", "1.0.0.0", "xt_Step", true));
        UUID id = client.create(new Entity("xt_step").set("xt_name", "kept").set("xt_hours", 3));
        importSolution(managed("XtStep", "1.1.0.0", "xt_Step", false));
        assertThat(rows("solution", "uniquename", "XtStep", "version")).singleElement()
                .satisfies(s -> assertThat(s.get("version")).isEqualTo("1.1.0.0"));
        assertThat(rows("solution", "uniquename", "XtStep_Upgrade", "version")).isEmpty();
        fault(ErrorCodes.QueryBuilderNoAttribute, () -> client.retrieve("xt_step", id, new ColumnSet("xt_hours")));
        assertThat(client.retrieve("xt_step", id, new ColumnSet("xt_name")).get("xt_name")).isEqualTo("kept");
        // The same version again is an update in place, not an upgrade.
        importSolution(managed("XtStep", "1.1.0.0", "xt_Step", false));
        assertThat(rows("solution", "uniquename", "XtStep", "version")).hasSize(1);
    }

    @Test void deleteAndPromoteRunsAsASystemJob() throws InterruptedException {
        importSolution(managed("XtJobUp", "1.0.0.0", "xt_JobUp", true));
        importHolding(managed("XtJobUp", "2.0.0.0", "xt_JobUp", false));
        UUID job = ((ExecuteAsyncResponse) client.execute(new ExecuteAsyncRequest().request(new DeleteAndPromoteRequest("XtJobUp")))).asyncJobId();
        Entity state = awaitJob(job);
        assertThat(state.get("statuscode")).as("%s", state.attributes()).isEqualTo(new OptionSetValue(30));
        assertThat(rows("solution", "uniquename", "XtJobUp", "version")).singleElement()
                .satisfies(s -> assertThat(s.get("version")).isEqualTo("2.0.0.0"));
    }

    /** Deleting a managed solution uninstalls its tables; deleting an unmanaged one leaves them. */
    @Test void deletingASolution() {
        importSolution(SolutionFixtures.leaveSolution("XtShare", "1.0.0.0", "xt_Share"));
        importSolution(managed("XtGone", "1.0.0.0", "xt_Gone", true));
        client.create(new Entity("xt_gone").set("xt_name", "soon gone"));
        UUID managedId = rows("solution", "uniquename", "XtGone", "uniquename").getFirst().id();
        client.delete("solution", managedId);
        assertThat(rows("solution", "uniquename", "XtGone", "uniquename")).isEmpty();
        assertThat(rows("solutioncomponent", "solutionid", managedId, "schemaname")).isEmpty();
        fault(ErrorCodes.QueryBuilderNoEntity, () -> client.create(new Entity("xt_gone").set("xt_name", "x")));
        // The contact column is shared with XtShare: it stays.
        assertThat(client.create(new Entity("contact").set("lastname", "Still").set("xt_nickname", "here"))).isNotNull();

        importSolution(SolutionFixtures.leaveSolution("XtKept", "1.0.0.0", "xt_Kept"));
        client.delete("solution", rows("solution", "uniquename", "XtKept", "uniquename").getFirst().id());
        assertThat(client.create(new Entity("xt_kept").set("xt_name", "unmanaged tables stay"))).isNotNull();
    }
}
