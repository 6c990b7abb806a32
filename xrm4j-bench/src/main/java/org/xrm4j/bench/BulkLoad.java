package org.xrm4j.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;

/**
 * The bulk load as a loader sends it: accounts in ExecuteMultiple batches of Creates (ContinueOnError, ReturnResponses),
 * over the shared keep-alive client, with one batch or several in flight. The bodies are encoded before the clock
 * starts; every account of a measurement is a distinct record.
 *
 * <p>The rate is records over the wall time from the first send to the last answer's final byte. Answers are kept
 * as bytes and decoded only after the clock stops (decoding a thousand-item answer would take client CPU from the
 * two cores the server uses), and then every one is checked: HTTP 200, not faulted, one item per Create with an id,
 * no id twice. A failed item fails the benchmark: a rate of faults says nothing about loading.
 */
final class BulkLoad {
    private final SdkHttp http;

    BulkLoad(SdkHttp http) { this.http = http; }

    /** Encoded batches of consecutive accounts: batch k holds {@code counts[k]} accounts. */
    record Batches(List<HttpRequest> requests, int[] counts, int firstAccount) {
        int records() {
            int sum = 0;
            for (int c : counts) sum += c;
            return sum;
        }
    }

    /**
     * One measurement; latencies in nanoseconds, per batch (send to last byte of the answer). {@code repetitions}
     * holds the rates of every repetition of the measurement this one is the median of (only its own rate when it
     * was made once).
     */
    record Result(int streams, int records, int batches, double seconds, long p50, long p99, long max, long cpuNanos,
                  List<Double> repetitions) {
        Result(int streams, int records, int batches, double seconds, long p50, long p99, long max, long cpuNanos) {
            this(streams, records, batches, seconds, p50, p99, max, cpuNanos, List.of(records / seconds));
        }

        double recordsPerSecond() { return records / seconds; }

        /** Process CPU per record, in microseconds: the whole JVM's, client included. */
        double cpuMicrosPerRecord() { return cpuNanos / 1e3 / records; }

        /** The repetition of median rate, with every repetition's rate. */
        static Result median(List<Result> repeated) {
            Result m = Repetitions.median(repeated, Result::recordsPerSecond);
            return new Result(m.streams, m.records, m.batches, m.seconds, m.p50, m.p99, m.max, m.cpuNanos,
                    Repetitions.rates(repeated, Result::recordsPerSecond));
        }
    }

    /** Encodes {@code records} accounts from number {@code firstAccount} on, as batches of {@code batchSize}. */
    Batches prepare(int firstAccount, int records, int batchSize) {
        int batches = (records + batchSize - 1) / batchSize;
        List<HttpRequest> requests = new ArrayList<>(batches);
        int[] counts = new int[batches];
        for (int k = 0; k < batches; k++) {
            counts[k] = Math.min(batchSize, records - k * batchSize);
            requests.add(http.prepare(Accounts.executeMultipleBody(firstAccount + k * batchSize, counts[k])));
        }
        return new Batches(List.copyOf(requests), counts, firstAccount);
    }

    /**
     * Sends the batches from {@code streams} clients that take the next unsent batch until none is left, so a slow
     * batch does not leave a stream idle while another has work queued. Throws when any answer is not a success.
     */
    Result run(Batches batches, int streams) {
        int n = batches.requests().size();
        @SuppressWarnings("unchecked")
        HttpResponse<byte[]>[] answers = new HttpResponse[n];
        String[] failures = new String[n];
        AtomicInteger next = new AtomicInteger();
        List<Samples> latencies = new ArrayList<>(streams);
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < streams; s++) {
                Samples mine = new Samples(n);
                latencies.add(mine);
                pool.execute(() -> {
                    for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        try {
                            answers[k] = http.send(batches.requests().get(k));
                        } catch (IOException e) {
                            failures[k] = e.toString();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            failures[k] = "interrupted";
                            return;
                        }
                        mine.add(System.nanoTime() - begin);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = ProcessCpu.nanos() - cpu;
        verify(batches, answers, failures);
        Samples all = Samples.merge(latencies);
        return new Result(streams, batches.records(), n, seconds, all.percentile(0.50), all.percentile(0.99), all.max(), cpu);
    }

    /** Checks every answer of a measurement; the ids must be as many as the accounts, and all different. */
    private static void verify(Batches batches, HttpResponse<byte[]>[] answers, String[] failures) {
        Set<UUID> ids = new HashSet<>(batches.records() * 2);
        for (int k = 0; k < answers.length; k++) {
            if (failures[k] != null) throw new IllegalStateException("Batch " + k + " was not answered: " + failures[k]);
            for (UUID id : createdIds(answers[k], batches.counts()[k])) {
                if (!ids.add(id)) throw new IllegalStateException("Batch " + k + " answered id " + id + " a second time");
            }
        }
    }

    /**
     * The ids one ExecuteMultiple answer gives its Creates, in request order, after checking that it is a success:
     * HTTP 200, IsFaulted false, exactly {@code expected} items, each for its own request and with an id.
     */
    static List<UUID> createdIds(HttpResponse<byte[]> answer, int expected) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("ExecuteMultiple failed with HTTP " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        OrganizationResponse decoded = SdkJson.readResponse(answer.body());
        if (!(decoded instanceof ExecuteMultipleResponse response)) {
            throw new IllegalStateException("Expected an ExecuteMultiple response, got " + decoded.responseName());
        }
        List<ExecuteMultipleResponseItem> items = response.responses() == null ? List.of() : response.responses();
        if (Boolean.TRUE.equals(response.isFaulted())) {
            String first = items.stream().filter(i -> i.fault() != null).findFirst()
                    .map(i -> "item " + i.requestIndex() + ": " + i.fault().message()).orElse("no item says why");
            throw new IllegalStateException("ExecuteMultiple answered IsFaulted=true; first fault, " + first);
        }
        if (items.size() != expected) {
            throw new IllegalStateException("ExecuteMultiple answered " + items.size() + " items for " + expected + " Creates");
        }
        List<UUID> ids = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            ExecuteMultipleResponseItem item = items.get(i);
            if (item.requestIndex() != i || item.fault() != null
                    || !(item.response() instanceof CreateResponse created) || created.id() == null) {
                throw new IllegalStateException("ExecuteMultiple item " + i + " is not a Create with an id: " + item);
            }
            ids.add(created.id());
        }
        return ids;
    }
}
