package org.xrm4j.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationService;

/**
 * Sends any number of requests as ExecuteMultiple batches and reports what became of each one.
 *
 * <pre>{@code
 * BulkExecutor bulk = BulkExecutor.builder().service(service).batchSize(1000).parallelism(2).build();
 * BulkResult result = bulk.execute(creates);
 * result.failures().forEach(f -> System.err.println(f.index() + ": " + f.fault().orElseThrow().message()));
 * }</pre>
 *
 * <p>Every batch asks for ReturnResponses, so each request gets a {@link BulkOutcome}: its response, its fault, or
 * NotExecuted. With {@code parallelism > 1} that many batches are in flight at once, each on a virtual thread; the
 * list form still answers outcomes in input order.
 *
 * <p>Faults of a whole batch, which the server raises before any request of it runs:
 * <ul>
 *   <li><b>MaxBatchSize</b> (NotSupported with ErrorDetails "MaxBatchSize"): the batch is resent in pieces of the
 *   reported size and later batches are built at that size ({@link #batchSize()} shows the current one). Nothing
 *   ran, so nothing is lost or sent twice.</li>
 *   <li><b>ServerBusy</b> (503) and <b>service protection</b> (429, the Throttling codes; or any fault whose
 *   ErrorDetails hold "Retry-After", which the HTTP client adds for a 429 or 503 from a proxy): the batch is resent
 *   after ErrorDetails "Retry-After" seconds, else after an exponential back-off, at most {@code maxRetries} times.
 *   The wait holds back every worker of the run, not only the throttled one, since the limit is the caller's.</li>
 *   <li><b>Anything else</b> (401, an I/O error or a timeout, a retry budget spent): every request of that batch
 *   faults with that fault, and the run goes on or stops by the ContinueOnError rule like an item fault. The
 *   executor does not throw for faults, so every request keeps its outcome. Caveat: when the answer was lost
 *   (timeout, reset connection) the server may have run part of the batch; redo such requests as Upserts.</li>
 * </ul>
 *
 * <p>With {@code continueOnError(false)} the batches go with ContinueOnError=false and, after the first fault, no
 * further batch (nor further piece of a resized batch) is sent; the requests not sent are reported NotExecuted.
 * Batches already in flight on other workers complete, so with parallelism a few batches past the fault may have
 * run. An exception thrown by the caller's sink or listener stops the run the same way and is rethrown.
 *
 * <p>Thread-safe: runs may overlap, and a batch size lowered by one run holds for the others.
 */
public final class BulkExecutor {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int DEFAULT_MAX_RETRIES = 5;

    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    final OrganizationService service;
    private final AtomicInteger batchSize;
    final int parallelism;
    final boolean continueOnError;
    final BulkProgressListener listener;
    final RetryPolicy retry;
    final Clock clock;
    final Sleeper sleeper;

    private BulkExecutor(Builder b) {
        this.service = b.service;
        this.batchSize = new AtomicInteger(b.batchSize);
        this.parallelism = b.parallelism;
        this.continueOnError = b.continueOnError;
        this.listener = b.listener;
        this.retry = new RetryPolicy(b.maxRetries, b.initialBackoff, b.maxBackoff);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    public static Builder builder() { return new Builder(); }

    /** The batch size in use: the configured one, or smaller once the server reported a lower MaxBatchSize. */
    public int batchSize() { return batchSize.get(); }

    /** Lowers the batch size for every later batch (never raises it). */
    void shrinkTo(int size) { batchSize.accumulateAndGet(size, Math::min); }

    /** Runs every request; the outcomes come back in the list's order. */
    public BulkResult execute(List<? extends OrganizationRequest> requests) {
        BulkOutcome[] outcomes = new BulkOutcome[requests.size()];
        BulkSummary summary = execute(requests.iterator(), requests.size(), o -> outcomes[(int) o.index()] = o);
        return new BulkResult(List.of(outcomes), summary);
    }

    /**
     * Runs requests drawn from {@code requests} a batch at a time, so an input of any size needs memory for the
     * batches in flight only. {@code sink} hears each outcome once, from a worker thread, never two calls at a time;
     * outcomes of one batch come in index order, batches in the order they complete. {@code expectedTotal} (-1 when
     * unknown) only feeds the progress listener.
     */
    public BulkSummary execute(Iterator<? extends OrganizationRequest> requests, long expectedTotal,
                               Consumer<? super BulkOutcome> sink) {
        return new BulkRun(this, Objects.requireNonNull(requests, "requests"), expectedTotal,
                Objects.requireNonNull(sink, "sink")).run();
    }

    /** Builds a {@link BulkExecutor}; only the service is required. */
    public static final class Builder {
        private OrganizationService service;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int parallelism = 1;
        private boolean continueOnError = true;
        private BulkProgressListener listener = BulkProgressListener.none();
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d);

        private Builder() {}

        /** Where the batches go; usually an {@link HttpOrganizationService}. It must be thread-safe for parallelism > 1. */
        public Builder service(OrganizationService service) { this.service = Objects.requireNonNull(service, "service"); return this; }

        /** Requests per ExecuteMultiple; 1000 (the platform's maximum) unless set. */
        public Builder batchSize(int size) { this.batchSize = atLeastOne(size, "batchSize"); return this; }

        /** Batches in flight at once; 1 unless set. */
        public Builder parallelism(int parallelism) { this.parallelism = atLeastOne(parallelism, "parallelism"); return this; }

        /** Whether a fault lets the run go on (the default) or stops it; see the class notes. */
        public Builder continueOnError(boolean continueOnError) { this.continueOnError = continueOnError; return this; }

        public Builder listener(BulkProgressListener listener) { this.listener = Objects.requireNonNull(listener, "listener"); return this; }

        /** How often one batch is resent after throttling or busy faults before its requests fault; 5 unless set. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first wait when a fault names no Retry-After (1 s), doubled on each retry up to {@code max} (1 min). */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) throw new IllegalArgumentException("need 0 <= initial <= max");
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The clock that times waits and the run; the system clock unless set. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

        public Builder sleeper(Sleeper sleeper) { this.sleeper = Objects.requireNonNull(sleeper, "sleeper"); return this; }

        public BulkExecutor build() {
            if (service == null) throw new IllegalStateException("service is required");
            return new BulkExecutor(this);
        }

        private static int atLeastOne(int v, String name) {
            if (v < 1) throw new IllegalArgumentException(name + " must be at least 1");
            return v;
        }
    }
}
