package org.xrm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.client.SystemJobs;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;

/**
 * A server process killed with SIGKILL while a system job runs: after a restart on the same database the job ends
 * (here: succeeds on its second run), and is never left In Progress.
 */
abstract class KilledServerRecoveryContract {
    static final String TOKEN = "kill-test-token";
    static final int CHILDREN = 30_000;

    /** Extra arguments of {@code serve}: none for the embedded H2 in the data folder. */
    abstract List<String> database();

    @Test void aJobRunningWhenTheServerIsKilledEndsAfterARestart(@TempDir Path data) throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Process server = start(data, port);
        UUID job;
        UUID master;
        UUID subordinate;
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TOKEN).build()) {
            awaitHealthy(url);
            assertThat(Main.run("settings", "set", "AsyncLeaseSeconds", "2", "--url", url, "--token", TOKEN)).isZero();
            master = client.create(new Entity("account").set("name", "Master"));
            subordinate = client.create(new Entity("account").set("name", "Subordinate"));
            List<OrganizationRequest> children = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i++) {
                children.add(new CreateRequest(new Entity("contact").set("lastname", "Child " + i)
                        .set("parentcustomerid", new EntityReference("account", subordinate))));
                if (children.size() == 1000) {
                    client.execute(new ExecuteMultipleRequest(children, new ExecuteMultipleSettings(false, false)));
                    children.clear();
                }
            }
            job = ((ExecuteAsyncResponse) client.execute(new ExecuteAsyncRequest().request(new MergeRequest()
                    .target(new EntityReference("account", master)).subordinateId(subordinate).performParentingChecks(false)))).asyncJobId();
            SystemJobs jobs = new SystemJobs(client);
            Instant deadline = Instant.now().plusSeconds(60);
            while (SystemJobs.status(jobs.retrieve(job)) != 20) {
                assertThat(Instant.now()).as("the job starts").isBefore(deadline);
                Thread.sleep(5);
            }
            server.destroyForcibly().waitFor();
        } finally {
            server.destroyForcibly();
        }

        Process restarted = start(data, port);
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TOKEN).build()) {
            awaitHealthy(url);
            Entity done = new SystemJobs(client).waitFor(job, Duration.ofSeconds(120));
            Main.run("settings", "set", "AsyncLeaseSeconds", "60", "--url", url, "--token", TOKEN);
            assertThat(SystemJobs.status(done)).isEqualTo(30);
            assertThat(done.get("retrycount")).isEqualTo(1);
            QueryExpression moved = new QueryExpression("contact").columnSet(new ColumnSet("contactid"));
            moved.criteria().addCondition("parentcustomerid", ConditionOperator.Equal, master);
            moved.pageInfo(new org.xrm4j.sdk.query.PagingInfo(1, 1, null, true));
            assertThat(client.retrieveMultiple(moved).totalRecordCount()).isEqualTo(5000);
            QueryExpression left = new QueryExpression("contact").columnSet(new ColumnSet("contactid"));
            left.criteria().addCondition("parentcustomerid", ConditionOperator.Equal, subordinate);
            assertThat(client.retrieveMultiple(left).entities()).isEmpty();
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    /**
     * Every change a client was answered for survives SIGKILL right after the answer: a single Create, a bulk
     * ExecuteMultiple and an Update, killed within milliseconds (H2 would otherwise still hold them in memory).
     */
    @Test void everyAnsweredChangeSurvivesAKillRightAfterTheAnswer(@TempDir Path data) throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Process server = start(data, port);
        UUID single;
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TOKEN).build()) {
            awaitHealthy(url);
            single = client.create(new Entity("account").set("name", "Before the kill"));
            List<OrganizationRequest> creates = new ArrayList<>();
            for (int i = 0; i < 1000; i++) creates.add(new CreateRequest(new Entity("contact").set("lastname", "Bulk " + i)));
            client.execute(new ExecuteMultipleRequest(creates, new ExecuteMultipleSettings(false, false)));
            client.update(new Entity("account", single).set("name", "Renamed before the kill"));
            server.destroyForcibly().waitFor();
        } finally {
            server.destroyForcibly();
        }

        Process restarted = start(data, port);
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(url).token(TOKEN).build()) {
            awaitHealthy(url);
            assertThat(client.retrieve("account", single, new ColumnSet("name")).get("name")).isEqualTo("Renamed before the kill");
            QueryExpression bulk = new QueryExpression("contact").columnSet(new ColumnSet("contactid"));
            bulk.criteria().addCondition("lastname", ConditionOperator.BeginsWith, "Bulk ");
            bulk.pageInfo(new org.xrm4j.sdk.query.PagingInfo(1, 1, null, true));
            assertThat(client.retrieveMultiple(bulk).totalRecordCount()).isEqualTo(1000);
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    Process start(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--data", data.toString()));
        command.addAll(database());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XRM4J_ADMIN_TOKEN", TOKEN);
        pb.environment().put("XRM4J_LOG_LEVEL", "WARN");
        pb.redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        return pb.start();
    }

    static void awaitHealthy(String url) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server at " + url + " did not start");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }
}
