package org.xrm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.client.BulkExecutor;
import org.xrm4j.client.BulkOutcome;
import org.xrm4j.client.BulkProgressListener;
import org.xrm4j.client.BulkResult;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;

/**
 * The client's BulkExecutor against a real server over HTTP (here, since the server's tests already depend on the
 * client). H2 only: these tests change deployment settings, which a shared PostgreSQL would share with other suites.
 */
class BulkExecutorServerTest {
    static TestServers.TestServer server;
    static HttpOrganizationService service;

    @BeforeAll static void start() {
        server = TestServers.start("h2");
        service = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
    }

    @AfterAll static void stop() {
        service.close();
        server.close();
    }

    static List<OrganizationRequest> creates(String tag, int count) {
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) requests.add(new CreateRequest(new Entity("account").set("name", tag + " " + i)));
        return requests;
    }

    static Map<String, UUID> loaded(String tag) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, tag + " ");
        List<Entity> found = service.retrieveMultiple(q).entities();
        assertThat(found).extracting(e -> e.get("name")).doesNotHaveDuplicates();
        return found.stream().collect(Collectors.toMap(e -> (String) e.get("name"), Entity::id, (a, b) -> a));
    }

    /** Every record exists once, with the id its outcome reported. */
    static void assertLoadedOnce(String tag, BulkResult result, int count) {
        assertThat(result.summary().allSucceeded()).as("%s", result.failures()).isTrue();
        Map<String, UUID> ids = loaded(tag);
        assertThat(ids).hasSize(count);
        for (BulkOutcome o : result.outcomes()) {
            String name = (String) ((CreateRequest) o.request()).target().get("name");
            assertThat(((CreateResponse) o.response().orElseThrow()).id()).isEqualTo(ids.get(name));
        }
    }

    @Test void theServersMaxBatchSizeShrinksTheBatchesAndNothingIsLoadedTwice() {
        DeploymentSettings settings = server.server().engine().settings();
        settings.set(DeploymentSettings.BATCH_SIZE, 7);
        try {
            String tag = "mbs" + UUID.randomUUID().toString().substring(0, 6);
            BulkExecutor bulk = BulkExecutor.builder().service(service).batchSize(20).parallelism(2).build();
            BulkResult result = bulk.execute(creates(tag, 60));

            assertThat(bulk.batchSize()).isEqualTo(7);
            assertLoadedOnce(tag, result, 60);
        } finally {
            settings.set(DeploymentSettings.BATCH_SIZE, 1000);
        }
    }

    @Test void serverBusyBatchesAreRetriedUntilTheyRun() {
        DeploymentSettings settings = server.server().engine().settings();
        settings.set(DeploymentSettings.EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS, 1);
        // A slow Create keeps each batch inside the server's one slot long enough for the others to be refused.
        PipelineStep slow = new PipelineStep() {
            @Override public String messageName() { return "Create"; }

            @Override public int stage() { return PRE_VALIDATION; }

            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        server.server().engine().pipeline().register(slow);
        List<String> retries = Collections.synchronizedList(new ArrayList<>());
        try {
            String tag = "busy" + UUID.randomUUID().toString().substring(0, 6);
            BulkExecutor bulk = BulkExecutor.builder().service(service).batchSize(10).parallelism(3).maxRetries(50)
                    // The server asks for 1 s; a short real wait keeps the test quick and still lets the slot free up.
                    .sleeper(d -> Thread.sleep(Math.min(d.toMillis(), 20)))
                    .listener(new BulkProgressListener() {
                        @Override public void progress(long done, long total, long faulted) {}

                        @Override public void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {
                            retries.add(fault.catalogued().name() + " " + fault.errorDetails().get("Retry-After"));
                        }
                    }).build();
            BulkResult result = bulk.execute(creates(tag, 60));

            assertLoadedOnce(tag, result, 60);
            assertThat(retries).isNotEmpty().containsOnly(ErrorCodes.ServerBusy.name() + " 1");
        } finally {
            server.server().engine().pipeline().unregister(slow);
            settings.set(DeploymentSettings.EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS, 0);
        }
    }
}
