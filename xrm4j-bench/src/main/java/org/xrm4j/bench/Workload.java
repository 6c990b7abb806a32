package org.xrm4j.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One benchmark: client threads (virtual threads) each send prepared requests back to back, a closed loop, for a
 * warm-up and then a measured window. A request counts in the window when it starts inside it; throughput is those
 * requests divided by the window's length, and latency is each one's time from send to the last byte of the answer.
 *
 * <p>Closed-loop caveat: a client waits for its answer before sending the next request, so when the server slows
 * down the load drops with it. The percentiles are those of the requests that were sent, not of a fixed arrival
 * rate (no correction for coordinated omission): good for comparing runs, optimistic as a service-level figure.
 */
final class Workload {
    private final SdkHttp http;
    private final Duration warmUp;
    private final Duration window;

    Workload(SdkHttp http, Duration warmUp, Duration window) {
        this.http = http;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** The outcome of one benchmark; latencies in nanoseconds. */
    record Result(String benchmark, int threads, long requests, long errors, double seconds, long p50, long p99, long max) {
        double throughput() { return requests / seconds; }
    }

    /**
     * Runs the requests from {@code threads} clients; each client starts at its own place in the list, so that
     * concurrent clients do not all touch the same record at the same moment.
     */
    Result run(String benchmark, List<HttpRequest> requests, int threads) {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        List<Client> clients = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            clients.add(new Client(requests, (int) ((long) t * requests.size() / threads), measureFrom, measureUntil));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            clients.forEach(pool::execute);
        }
        Samples all = Samples.merge(clients.stream().map(c -> c.samples).toList());
        long errors = 0;
        for (Client c : clients) {
            errors += c.errors;
            if (c.firstError != null) System.err.println(benchmark + ": " + c.errors + " failed, first: " + c.firstError);
        }
        return new Result(benchmark, threads, all.size(), errors, window.toNanos() / 1e9,
                all.percentile(0.50), all.percentile(0.99), all.max());
    }

    private final class Client implements Runnable {
        private final List<HttpRequest> requests;
        private final int start;
        private final long measureFrom;
        private final long measureUntil;
        final Samples samples;
        long errors;
        String firstError;

        Client(List<HttpRequest> requests, int start, long measureFrom, long measureUntil) {
            this.requests = requests;
            this.start = start;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            // Sized for a fast single client, so the array rarely grows (and copies) inside the window.
            this.samples = new Samples(1 << 17);
        }

        @Override public void run() {
            int n = requests.size();
            int i = start;
            while (!Thread.currentThread().isInterrupted()) {
                long begin = System.nanoTime();
                if (begin >= measureUntil) return;
                HttpRequest request = requests.get(i);
                if (++i == n) i = 0;
                boolean ok = send(request);
                long end = System.nanoTime();
                if (begin < measureFrom) continue;
                if (ok) samples.add(end - begin);
                else errors++;
            }
        }

        private boolean send(HttpRequest request) {
            try {
                HttpResponse<byte[]> r = http.send(request);
                if (r.statusCode() == 200) return true;
                failed("HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                failed(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private void failed(String what) {
            if (firstError == null) firstError = what;
        }
    }
}
