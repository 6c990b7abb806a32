package org.xrm4j.server.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;

/** ExecuteAsync and system jobs over HTTP: queueing, running, states, client control, recovery. */
@SuppressWarnings("try") // a held claim lock does its work by existing
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncContract {
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

    MergeRequest merge() {
        UUID master = client.create(new Entity("account").set("name", "Master"));
        UUID sub = client.create(new Entity("account").set("name", "Subordinate"));
        return new MergeRequest().target(new EntityReference("account", master)).subordinateId(sub)
                .updateContent(new Entity("account")).performParentingChecks(false);
    }

    UUID queue(OrganizationRequest r) { return ((ExecuteAsyncResponse) client.execute(new ExecuteAsyncRequest().request(r))).asyncJobId(); }

    Entity job(UUID id) {
        return client.retrieve("asyncoperation", id, new ColumnSet("statecode", "statuscode", "operationtype", "messagename",
                "startedon", "completedon", "errorcode", "message", "friendlymessage", "retrycount", "depth", "correlationid", "ownerid"));
    }

    Entity awaitCompleted(UUID id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Entity j = job(id);
            if (((OptionSetValue) j.get("statecode")).value() == 3) return j;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not complete: " + job(id).attributes());
    }

    static int status(Entity job) { return ((OptionSetValue) job.get("statuscode")).value(); }

    int countJobs() {
        return client.retrieveMultiple(new QueryExpression("asyncoperation").columnSet(new ColumnSet("name"))).entities().size();
    }

    @Test void doc4OnlyThreeMessagesMayBeQueued() {
        int before = countJobs();
        assertThatThrownBy(() -> queue(new CreateRequest(new Entity("account").set("name", "x"))))
                .isInstanceOfSatisfying(FaultException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCodes.NotSupported.code());
                    assertThat(e.getMessage()).contains("Create");
                });
        assertThat(countJobs()).isEqualTo(before);
    }

    @Test void aMalformedWrappedRequestFaultsAtOnce() {
        int before = countJobs();
        assertThatThrownBy(() -> queue(new MergeRequest().performParentingChecks(false)))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.getMessage()).contains("Target"));
        assertThat(countJobs()).isEqualTo(before);
    }

    @Test void aQueuedJobRunsToCompletionAsItsRowShows() {
        MergeRequest m = merge();
        UUID id = queue(m);
        Entity done = awaitCompleted(id);
        assertThat(status(done)).isEqualTo(30);
        Entity sub = client.retrieve("account", m.subordinateId(), new ColumnSet("statecode", "merged", "masterid"));
        assertThat(sub.get("merged")).isEqualTo(true);
        assertThat(((EntityReference) sub.get("masterid")).id()).isEqualTo(m.target().id());
        assertThat(done.get("depth")).isEqualTo(1);
        assertThat(done.get("correlationid")).isNotNull();
        assertThat(((OptionSetValue) done.get("operationtype")).value()).isEqualTo(54);
        assertThat(done.get("messagename")).isEqualTo("Merge");
        assertThat(done.get("startedon")).isNotNull();
        assertThat(done.get("completedon")).isNotNull();
    }

    @Test void aBusinessFailureEndsTheJobFailedWithItsFault() {
        MergeRequest m = merge();
        m.subordinateId(m.target().id());
        Entity done = awaitCompleted(queue(m));
        assertThat(status(done)).isEqualTo(31);
        assertThat(done.get("errorcode")).isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThat((String) done.get("message")).contains("identical");
        assertThat((String) done.get("friendlymessage")).isNotBlank();
    }

    @Test void cancelingARunningJobRollsItsWorkBack() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        org.xrm4j.server.engine.PipelineStep blocker = new org.xrm4j.server.engine.PipelineStep() {
            @Override public String messageName() { return "Merge"; }
            @Override public int stage() { return POST_OPERATION; }
            @Override public void execute(org.xrm4j.server.engine.StepContext c, OrganizationRequest r, org.xrm4j.sdk.OrganizationResponse res) {
                started.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        server.server().engine().pipeline().register(blocker);
        try {
            MergeRequest m = merge();
            UUID id = queue(m);
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(status(job(id))).isEqualTo(20);
            client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(3)).set("statuscode", new OptionSetValue(32)));
            assertThat(status(job(id))).isEqualTo(22);
            release.countDown();
            assertThat(status(awaitCompleted(id))).isEqualTo(32);
            Entity sub = client.retrieve("account", m.subordinateId(), new ColumnSet("statecode"));
            assertThat(((OptionSetValue) sub.get("statecode")).value()).as("the merge was rolled back").isZero();
        } finally {
            release.countDown();
            server.server().engine().pipeline().unregister(blocker);
        }
    }

    @Test void theJobRunsAsTheUserWhoQueuedIt() {
        var user = server.server().engine().deployment().createUser(server.org(), "Job", "Owner", "job@example.com",
                org.xrm4j.server.security.Role.BasicUser);
        MergeRequest m = merge();
        UUID id = ((ExecuteAsyncResponse) client.withCallerId(user.userId()).execute(new ExecuteAsyncRequest().request(m))).asyncJobId();
        assertThat(status(awaitCompleted(id))).isEqualTo(30);
        assertThat(((EntityReference) job(id).get("ownerid")).id()).isEqualTo(user.userId());
        Entity sub = client.retrieve("account", m.subordinateId(), new ColumnSet("modifiedby", "modifiedonbehalfby"));
        assertThat(((EntityReference) sub.get("modifiedby")).id()).isEqualTo(user.userId());
        assertThat(sub.contains("modifiedonbehalfby")).isTrue();
    }

    @Test void jobsQueuedInOneBatchRunOneAfterAnother() {
        List<OrganizationRequest> requests = List.of(new ExecuteAsyncRequest().request(merge()),
                new ExecuteAsyncRequest().request(merge()), new ExecuteAsyncRequest().request(merge()));
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) client.execute(new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(false, true)));
        List<UUID> ids = r.responses().stream().map(ExecuteMultipleResponseItem::response)
                .map(res -> ((ExecuteAsyncResponse) res).asyncJobId()).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        List<Entity> done = ids.stream().map(this::awaitCompleted).toList();
        assertThat(done).allSatisfy(j -> assertThat(status(j)).isEqualTo(30));
        for (int i = 1; i < done.size(); i++) {
            Instant previousEnd = (Instant) done.get(i - 1).get("completedon");
            Instant start = (Instant) done.get(i).get("startedon");
            assertThat(start).as("job %d starts after job %d ended", i, i - 1).isAfterOrEqualTo(previousEnd);
        }
    }

    @Test void cancelingAWaitingJobEndsItWithoutRunningIt() throws Exception {
        UUID id;
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            assertThat(status(job(id))).isZero();
            client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(3)).set("statuscode", new OptionSetValue(32)));
        }
        Entity j = job(id);
        assertThat(((OptionSetValue) j.get("statecode")).value()).isEqualTo(3);
        assertThat(status(j)).isEqualTo(32);
        assertThat(j.get("startedon")).isNull();
        assertThat(j.get("completedon")).isNotNull();
    }

    @Test void pauseAndResumeAWaitingJob() throws Exception {
        UUID id;
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(1)));
            assertThat(status(job(id))).isEqualTo(10);
        }
        // The claim lock is free again; a suspended job still waits.
        Thread.sleep(300);
        assertThat(status(job(id))).isEqualTo(10);
        client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(0)));
        assertThat(status(awaitCompleted(id))).isEqualTo(30);
    }

    @Test void cancelingASuspendedJobEndsItWithoutRunningIt() throws Exception {
        UUID id;
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(1)));
        }
        client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(3)).set("statuscode", new OptionSetValue(32)));
        Entity j = job(id);
        assertThat(status(j)).isEqualTo(32);
        assertThat(j.get("startedon")).isNull();
        assertThatThrownBy(() -> client.update(new Entity("asyncoperation", id).set("statecode", new OptionSetValue(0))))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidState.code()));
    }

    @Test void postponeUntilDelaysTheStart() throws Exception {
        UUID id;
        Instant until = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            client.update(new Entity("asyncoperation", id).set("postponeuntil", until));
        }
        Entity done = awaitCompleted(id);
        assertThat((Instant) done.get("startedon")).isAfterOrEqualTo(until);
    }

    /**
     * Holds the organization's claim lock, as a claiming server process does, so that queued jobs wait until the
     * returned connection closes (and rolls back).
     */
    @Test void aJobWhoseServerDiedRunsAgain() throws Exception {
        UUID id;
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            simulateCrashedRun(held.connection(), id, 0);
        }
        server.server().engine().settings().set("AsyncPollMilliseconds", 100);
        try {
            Entity done = awaitCompleted(id);
            assertThat(done.get("retrycount")).isEqualTo(1);
            assertThat(status(done)).isEqualTo(30);
        } finally {
            server.server().engine().settings().set("AsyncPollMilliseconds", 1000);
        }
    }

    @Test void aJobInterruptedTooOftenFailsWithAClearMessage() throws Exception {
        UUID id;
        try (ClaimLock held = holdClaims()) {
            id = queue(merge());
            simulateCrashedRun(held.connection(), id, 3);
        }
        server.server().engine().settings().set("AsyncPollMilliseconds", 100);
        try {
            Entity done = awaitCompleted(id);
            assertThat(status(done)).isEqualTo(31);
            assertThat((String) done.get("message")).contains("interrupted");
        } finally {
            server.server().engine().settings().set("AsyncPollMilliseconds", 1000);
        }
    }

    /** What a server killed while running the job leaves behind: In Progress, on a host that renews no lease. */
    void simulateCrashedRun(Connection c, UUID id, int retries) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("UPDATE \"" + server.org().schema() + "\".\"asyncoperation\" SET \"statecode\" = 2,"
                + " \"statuscode\" = 20, \"hostid\" = 'a-dead-server', \"leaseexpireson\" = ?, \"retrycount\" = ?,"
                + " \"startedon\" = ? WHERE \"asyncoperationid\" = ?")) {
            java.time.OffsetDateTime past = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5);
            ps.setObject(1, past);
            ps.setInt(2, retries);
            ps.setObject(3, past);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
        c.commit();
    }

    @Test void retentionPurgesOldCompletedJobsOnly() throws Exception {
        UUID old = queue(merge());
        awaitCompleted(old);
        UUID recent = queue(merge());
        awaitCompleted(recent);
        try (Connection c = server.server().database().connection();
             var ps = c.prepareStatement("UPDATE \"" + server.org().schema() + "\".\"asyncoperation\" SET \"completedon\" = ?"
                     + " WHERE \"asyncoperationid\" = ?")) {
            ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(40));
            ps.setObject(2, old);
            ps.executeUpdate();
        }
        AsyncService async = asyncService();
        assertThat(async.purge()).isZero();
        server.server().engine().settings().set("AsyncRetentionDays", 30);
        try {
            assertThat(async.purge()).isEqualTo(1);
        } finally {
            server.server().engine().settings().set("AsyncRetentionDays", 0);
        }
        assertThatThrownBy(() -> job(old)).isInstanceOf(FaultException.class);
        assertThat(status(job(recent))).isIn(30, 31);
    }

    AsyncService asyncService() { return server.server().async(); }

    ClaimLock holdClaims() throws Exception {
        Connection c = server.server().database().connection();
        c.setAutoCommit(false);
        try (var ps = c.prepareStatement("SELECT id FROM \"" + server.org().schema() + "\".\"xrm_asynclock\" WHERE id = 1 FOR UPDATE");
             var rs = ps.executeQuery()) {
            rs.next();
        }
        return new ClaimLock(c);
    }

    /** The held claim lock; closing it rolls back and frees it. */
    record ClaimLock(Connection connection) implements AutoCloseable {
        @Override public void close() throws java.sql.SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        }
    }

    @Test void clientsMayChangeOnlyTheStateAndPostponeOfAJob() {
        assertThatThrownBy(() -> client.create(new Entity("asyncoperation").set("name", "mine")))
                .isInstanceOf(FaultException.class).hasMessageContaining("ExecuteAsync");
        UUID id = queue(merge());
        assertThatThrownBy(() -> client.update(new Entity("asyncoperation", id).set("name", "renamed")))
                .isInstanceOf(FaultException.class).hasMessageContaining("name");
        Entity done = awaitCompleted(id);
        assertThat(done).isNotNull();
        client.delete("asyncoperation", id);
        assertThatThrownBy(() -> job(id)).isInstanceOf(FaultException.class);
    }
}
