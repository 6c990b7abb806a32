package org.xrm4j.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.query.ColumnSet;

/**
 * The asynchronous service's two promises, measured over HTTP:
 * <ul>
 *   <li><b>Start latency</b>: on an idle server, the time from sending an ExecuteAsync (a Merge) to the job's
 *   startedon, one job at a time. Target: within 100 ms.</li>
 *   <li><b>Interactive latency under a burst of jobs</b>: sequential Retrieves by id, first on the idle server,
 *   then while a burst of Merge jobs (each re-parenting some contacts) runs. Target: p50 and p99 within 1.5 times
 *   idle. Jobs run on their own workers and connection pool, so they should not starve requests.</li>
 * </ul>
 */
final class AsyncBench {
    static final int START_SAMPLES = 30;
    static final int BURST_JOBS = 200;
    static final int CHILDREN_PER_MERGE = 50;
    static final Duration WINDOW = Duration.ofSeconds(5);

    private final SdkHttp http;
    private final Consumer<String> progress;

    AsyncBench(SdkHttp http, Consumer<String> progress) {
        this.http = http;
        this.progress = progress;
    }

    /** The results of one database. Latencies in nanoseconds. */
    record Run(Samples startLatencies, Samples idleRetrieves, Samples burstRetrieves, int burstJobsDone) {
        long startP50() { return startLatencies.percentile(0.50); }
        long startP99() { return startLatencies.percentile(0.99); }
        long idleP50() { return idleRetrieves.percentile(0.50); }
        long idleP99() { return idleRetrieves.percentile(0.99); }
        long burstP50() { return burstRetrieves.percentile(0.50); }
        long burstP99() { return burstRetrieves.percentile(0.99); }
    }

    Run measure() throws InterruptedException {
        progress.accept("job start latency, " + START_SAMPLES + " jobs one at a time");
        Samples starts = new Samples(START_SAMPLES);
        for (int i = 0; i < START_SAMPLES; i++) {
            List<UUID> pair = accounts(2, null);
            // The server and this client read the same clock (one JVM), so its startedon compares with our send time.
            Instant sentAt = Instant.now();
            UUID job = queue(pair.get(0), pair.get(1));
            Instant startedOn = (Instant) awaitEnd(job).get("startedon");
            starts.add(Math.max(0, Duration.between(sentAt, startedOn).toNanos()));
        }
        UUID probe = accounts(1, null).getFirst();
        progress.accept("interactive Retrieve latency, idle");
        Samples idle = retrieveFor(probe, WINDOW);
        progress.accept("interactive Retrieve latency during a burst of " + BURST_JOBS + " Merge jobs");
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < BURST_JOBS; i++) {
            List<UUID> pair = accounts(2, null);
            accounts(CHILDREN_PER_MERGE, pair.get(1));
            jobs.add(queue(pair.get(0), pair.get(1)));
        }
        Samples burst = retrieveFor(probe, WINDOW);
        int done = 0;
        for (UUID job : jobs) if (ended(fetch(job))) done++;
        return new Run(Samples.merge(List.of(starts)), idle, burst, done);
    }

    /** Accounts (or, with a parent, contacts of that account) created in one ExecuteMultiple; answers their ids. */
    private List<UUID> accounts(int n, UUID parent) {
        List<OrganizationRequest> creates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            creates.add(parent == null ? new CreateRequest(new Entity("account").set("name", "Async bench " + i))
                    : new CreateRequest(new Entity("contact").set("lastname", "Child " + i)
                            .set("parentcustomerid", new EntityReference("account", parent))));
        }
        var r = (org.xrm4j.sdk.messages.ExecuteMultipleResponse) http.execute(new ExecuteMultipleRequest(creates, new ExecuteMultipleSettings(false, true)));
        return r.responses().stream().map(item -> ((CreateResponse) item.response()).id()).toList();
    }

    private UUID queue(UUID master, UUID subordinate) {
        return ((ExecuteAsyncResponse) http.execute(new ExecuteAsyncRequest().request(new MergeRequest()
                .target(new EntityReference("account", master)).subordinateId(subordinate).performParentingChecks(false)))).asyncJobId();
    }

    private Entity fetch(UUID job) {
        return ((RetrieveResponse) http.execute(new RetrieveRequest(new EntityReference("asyncoperation", job),
                new ColumnSet("statecode", "statuscode", "startedon")))).entity();
    }

    private static boolean ended(Entity job) { return ((OptionSetValue) job.get("statecode")).value() == 3; }

    private Entity awaitEnd(UUID job) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Entity j = fetch(job);
            if (ended(j)) {
                if (((OptionSetValue) j.get("statuscode")).value() != 30) throw new IllegalStateException("job " + job + " did not succeed");
                return j;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("job " + job + " did not end in 30 s");
    }

    private Samples retrieveFor(UUID id, Duration window) {
        var request = http.prepare(org.xrm4j.sdk.json.SdkJson.writeRequest(new RetrieveRequest(new EntityReference("account", id), new ColumnSet("name"))));
        Samples samples = new Samples(10_000);
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            try {
                if (http.send(request).statusCode() != 200) throw new IllegalStateException("Retrieve failed");
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            samples.add(System.nanoTime() - t);
        }
        return Samples.merge(List.of(samples));
    }

    /** The table of the async measurements, with the targets judged. */
    static String table(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Job start latency p50 / p99 (ms) | Retrieve idle p50 / p99 (ms) | Retrieve during burst p50 / p99 (ms) | Burst jobs done in window | Start ≤ 100 ms (p99) | Burst ≤ 1.5× idle (p50, p99) |\n")
                .append("|---|---:|---:|---:|---:|---|---|\n");
        for (Report.DatabaseRun run : runs) {
            if (run.async().isEmpty()) continue;
            Run r = run.async().get();
            t.append(String.format(Locale.ROOT, "| %s | %.1f / %.1f | %.2f / %.2f | %.2f / %.2f | %d of %d | %s | %s / %s |%n",
                    run.database(), r.startP50() / 1e6, r.startP99() / 1e6, r.idleP50() / 1e6, r.idleP99() / 1e6,
                    r.burstP50() / 1e6, r.burstP99() / 1e6, r.burstJobsDone(), BURST_JOBS,
                    met(r.startP99() <= 100_000_000L), met(r.burstP50() <= 1.5 * r.idleP50()), met(r.burstP99() <= 1.5 * r.idleP99())));
        }
        return t.toString();
    }

    private static String met(boolean ok) { return ok ? "met" : "**not met**"; }
}
