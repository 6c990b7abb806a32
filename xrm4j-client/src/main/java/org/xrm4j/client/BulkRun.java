package org.xrm4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * One {@link BulkExecutor#execute} call. The calling thread cuts the input into batches, at most {@code parallelism}
 * of them in flight (a semaphore), each sent by a {@link BatchSender} on a virtual thread. Outcomes, counts and
 * listener calls go through one lock, so sinks and listeners need no thread safety of their own. A batch is cut only
 * once a slot is free, so a stop seen while waiting sends nothing more and the input is read no faster than it is sent.
 */
final class BulkRun {
    private final BulkExecutor config;
    private final Iterator<? extends OrganizationRequest> requests;
    private final long expectedTotal;
    private final Consumer<? super BulkOutcome> sink;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Instant> pauseUntil = new AtomicReference<>(Instant.MIN);
    private volatile boolean stopped;
    private long succeeded;
    private long faulted;
    private long notExecuted;
    private RuntimeException failure;

    BulkRun(BulkExecutor config, Iterator<? extends OrganizationRequest> requests, long expectedTotal,
            Consumer<? super BulkOutcome> sink) {
        this.config = config;
        this.requests = requests;
        this.expectedTotal = expectedTotal;
        this.sink = sink;
        this.slots = new Semaphore(config.parallelism);
    }

    BulkSummary run() {
        Instant start = config.clock.instant();
        long next = 0;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stopped && requests.hasNext()) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    break;
                }
                if (stopped) {
                    slots.release();
                    break;
                }
                List<OrganizationRequest> batch = take(config.batchSize());
                long first = next;
                next += batch.size();
                workers.execute(() -> {
                    try {
                        deliver(new BatchSender(config, this, first, batch).send());
                    } catch (RuntimeException e) {
                        fail(e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        while (failure == null && requests.hasNext()) deliver(List.of(BulkOutcome.notExecuted(next++, requests.next())));
        if (failure != null) throw failure;
        return new BulkSummary(succeeded + faulted + notExecuted, succeeded, faulted, notExecuted,
                Duration.between(start, config.clock.instant()));
    }

    private List<OrganizationRequest> take(int size) {
        List<OrganizationRequest> batch = new ArrayList<>(size);
        while (batch.size() < size && requests.hasNext()) batch.add(requests.next());
        return batch;
    }

    boolean stopped() { return stopped; }

    void stop() { stopped = true; }

    /** Holds back every worker until {@code delay} from now (or a later pause another worker asked for). */
    void pause(Duration delay) {
        Instant until = config.clock.instant().plus(delay);
        pauseUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Waits out the current pause, once: a clock that does not move cannot keep a worker here for ever. */
    void awaitTurn() throws InterruptedException {
        Duration left = Duration.between(config.clock.instant(), pauseUntil.get());
        if (left.isPositive()) config.sleeper.sleep(left);
    }

    void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {
        withLock(() -> config.listener.retrying(fault, delay, attempt));
    }

    private void deliver(List<BulkOutcome> outcomes) {
        withLock(() -> {
            boolean stopHere = false;
            for (BulkOutcome o : outcomes) {
                sink.accept(o);
                switch (o.status()) {
                    case Succeeded -> succeeded++;
                    case Faulted -> { faulted++; stopHere = true; }
                    case NotExecuted -> notExecuted++;
                }
            }
            if (stopHere && !config.continueOnError) stop();
            config.listener.progress(succeeded + faulted, expectedTotal, faulted);
        });
    }

    private void fail(RuntimeException e) {
        lock.lock();
        try {
            if (failure == null) failure = e;
            stop();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a caller callback under the lock; once one has thrown, the others are skipped and the run stops. */
    private void withLock(Runnable callback) {
        lock.lock();
        try {
            if (failure != null) return;
            callback.run();
        } catch (RuntimeException e) {
            failure = e;
            stop();
        } finally {
            lock.unlock();
        }
    }
}
