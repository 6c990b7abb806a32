package org.xrm4j.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.BulkExecutor;
import org.xrm4j.client.BulkProgressListener;
import org.xrm4j.client.BulkResult;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.security.Role;

/**
 * The Java client's bulk executor against a real server with a small request limit (5 per 2 seconds): it is refused,
 * waits the Retry-After the fault carries, resends, and in the end every request has run exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkThrottlingContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 5);
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS, 2);
    }

    /** Settings live in the deployment's database, which other suites may share: back to the defaults. */
    @AfterAll void stop() {
        if (server == null) return;
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 0);
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS, 300);
        server.close();
    }

    @Test void theBulkExecutorBacksOffAndRunsEveryRequestExactlyOnce() {
        String token = server.server().engine().deployment().createUser(server.org(), "Bulk", "Loader", null, Role.SystemAdministrator).token();
        String prefix = "Throttled " + UUID.randomUUID();
        List<CreateRequest> creates = new ArrayList<>();
        for (int i = 0; i < 36; i++) creates.add(new CreateRequest(new Entity("account").set("name", prefix + " " + i)));
        List<OrganizationServiceFault> faults = Collections.synchronizedList(new ArrayList<>());
        List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
        BulkProgressListener listener = new BulkProgressListener() {
            @Override public void progress(long done, long total, long faulted) { }

            @Override public void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {
                faults.add(fault);
                delays.add(delay);
            }
        };

        BulkResult result;
        long started = System.nanoTime();
        try (HttpOrganizationService service = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(token).build()) {
            // 12 batches at 5 per 2 s: at least two waits for the window to slide.
            result = BulkExecutor.builder().service(service).batchSize(3).parallelism(2).maxRetries(30)
                    .listener(listener).build().execute(creates);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.failures()).isEmpty();
        assertThat(result.summary().succeeded()).isEqualTo(36);
        assertThat(faults).isNotEmpty().allSatisfy(f ->
                assertThat(f.errorCode()).isEqualTo(ErrorCodes.ThrottlingBurstRequestLimitExceededError.code()));
        // The client waited what the server asked for: the TimeSpan of the fault, never more than the window and a bucket.
        assertThat(delays).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(2_100)));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(4));

        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        EntityCollection stored = (EntityCollection) server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN,
                null, new RetrieveMultipleRequest(q)).get("EntityCollection");
        List<String> expected = creates.stream().map(c -> (String) c.target().get("name")).toList();
        assertThat(stored.entities()).extracting(e -> (String) e.get("name")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
