package org.xrm4j.server.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.XrmServer;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;

/**
 * Two server processes (two servers in this JVM) on one database take jobs of two organizations from the same
 * queue. Every job must run exactly once, and never two jobs of one organization at the same time, whichever server
 * claims them.
 */
abstract class AsyncClusterContract {
    static final int JOBS_PER_ORGANIZATION = 600;

    abstract String database();

    /** Counts, across both servers, the merges running per organization and the runs per job (by its master). */
    static final class Watch implements PipelineStep {
        final int stage;
        final Map<String, AtomicInteger> running;
        final Map<String, Integer> maxRunning;
        final Map<UUID, AtomicInteger> runs;

        Watch(int stage, Map<String, AtomicInteger> running, Map<String, Integer> maxRunning, Map<UUID, AtomicInteger> runs) {
            this.stage = stage;
            this.running = running;
            this.maxRunning = maxRunning;
            this.runs = runs;
        }

        @Override public String messageName() { return "Merge"; }

        @Override public int stage() { return stage; }

        @Override public void execute(StepContext c, OrganizationRequest r, OrganizationResponse res) {
            String org = c.execution().organization().uniqueName();
            AtomicInteger now = running.computeIfAbsent(org, k -> new AtomicInteger());
            if (stage == PRE_OPERATION) {
                int n = now.incrementAndGet();
                maxRunning.merge(org, n, Math::max);
                runs.computeIfAbsent(((MergeRequest) r).target().id(), k -> new AtomicInteger()).incrementAndGet();
                Thread.onSpinWait();
            } else {
                now.decrementAndGet();
            }
        }
    }

    @Test void twoServersRunEveryJobOnceAndOneAtATimePerOrganization() throws Exception {
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<String, Integer> maxRunning = new ConcurrentHashMap<>();
        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (TestServers.TestServer first = TestServers.start(database())) {
            String otherOrg = first.organization() + "x";
            first.server().engine().deployment().createOrganization(otherOrg);
            try (XrmServer second = XrmServer.start(XrmServer.Config.defaults().withPort(0).withDataDir(first.dataDir())
                    .withJdbcUrl(first.server().database().url()).withAdminToken(TestServers.ADMIN_TOKEN))) {
                for (XrmServer s : List.of(first.server(), second)) {
                    s.engine().settings().set("AsyncPollMilliseconds", 50);
                    s.engine().pipeline().register(new Watch(PipelineStep.PRE_OPERATION, running, maxRunning, runs));
                    s.engine().pipeline().register(new Watch(PipelineStep.POST_OPERATION, running, maxRunning, runs));
                }
                List<UUID> jobs = new ArrayList<>();
                jobs.addAll(queueMerges(first.server().baseUrl() + "/" + first.organization()));
                jobs.addAll(queueMerges(second.baseUrl() + "/" + otherOrg));
                awaitAll(first.server().baseUrl() + "/" + first.organization(), jobs.subList(0, JOBS_PER_ORGANIZATION));
                awaitAll(second.baseUrl() + "/" + otherOrg, jobs.subList(JOBS_PER_ORGANIZATION, jobs.size()));
            } finally {
                // Settings live in the database, which other suites may share.
                first.server().engine().settings().set("AsyncPollMilliseconds", 1000);
            }
        }
        assertThat(runs).hasSize(2 * JOBS_PER_ORGANIZATION);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).as("runs of one job").isEqualTo(1));
        assertThat(maxRunning.values()).containsOnly(1);
    }

    static List<UUID> queueMerges(String url) {
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TestServers.ADMIN_TOKEN).build()) {
            List<OrganizationRequest> creates = new ArrayList<>();
            for (int i = 0; i < 2 * JOBS_PER_ORGANIZATION; i++) creates.add(new CreateRequest(new Entity("account").set("name", "c" + i)));
            List<UUID> ids = new ArrayList<>();
            for (int from = 0; from < creates.size(); from += 1000) {
                ExecuteMultipleResponse r = (ExecuteMultipleResponse) client.execute(new ExecuteMultipleRequest(
                        creates.subList(from, Math.min(from + 1000, creates.size())), new ExecuteMultipleSettings(false, true)));
                for (ExecuteMultipleResponseItem item : r.responses()) ids.add(((CreateResponse) item.response()).id());
            }
            List<OrganizationRequest> queue = new ArrayList<>();
            for (int i = 0; i < JOBS_PER_ORGANIZATION; i++) {
                queue.add(new ExecuteAsyncRequest().request(new MergeRequest().target(new EntityReference("account", ids.get(2 * i)))
                        .subordinateId(ids.get(2 * i + 1)).performParentingChecks(false)));
            }
            List<UUID> jobs = new ArrayList<>();
            ExecuteMultipleResponse r = (ExecuteMultipleResponse) client.execute(new ExecuteMultipleRequest(queue, new ExecuteMultipleSettings(false, true)));
            for (ExecuteMultipleResponseItem item : r.responses()) jobs.add(((ExecuteAsyncResponse) item.response()).asyncJobId());
            return jobs;
        }
    }

    static void awaitAll(String url, List<UUID> jobs) throws InterruptedException {
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TestServers.ADMIN_TOKEN).build()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (true) {
                QueryExpression open = new QueryExpression("asyncoperation").columnSet(new ColumnSet("statuscode"));
                open.criteria().addCondition("statecode", ConditionOperator.NotEqual, 3);
                if (client.retrieveMultiple(open).entities().isEmpty()) break;
                assertThat(Instant.now()).as("all jobs end in time").isBefore(deadline);
                Thread.sleep(200);
            }
            QueryExpression done = new QueryExpression("asyncoperation").columnSet(new ColumnSet("statuscode"));
            done.criteria().addCondition("statuscode", ConditionOperator.Equal, new OptionSetValue(30));
            assertThat(client.retrieveMultiple(done).entities()).hasSize(jobs.size());
        }
    }
}
