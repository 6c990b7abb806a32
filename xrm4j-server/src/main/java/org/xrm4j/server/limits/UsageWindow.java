package org.xrm4j.server.limits;

import java.time.Duration;

/**
 * One user's use of the server over the sliding window: requests and execution time in a ring of time buckets, and
 * the requests running now. Its size is fixed whatever the traffic, and its own lock is the only one a request takes.
 *
 * <p>The window is cut into {@value #BUCKETS} buckets and one more for the bucket being filled, so a request or an
 * execution time stays counted for at least the whole window (and at most a bucket longer): a client can never fit
 * more than the limit into any span of the window's length. Retry-After is the time until enough of the oldest
 * buckets have left the window for the refused request to fit. Execution time is counted when a request ends.
 */
final class UsageWindow {
    static final int BUCKETS = 60;
    private static final int RING = BUCKETS + 1;

    private final long[] requests = new long[RING];
    private final long[] executionNanos = new long[RING];
    private long windowNanos = -1;
    private long bucketNanos;
    /** The absolute index (time / bucketNanos) of the newest bucket; older ones sit behind it in the ring. */
    private long head;
    private long requestTotal;
    private long executionTotal;
    private long running;
    private long lastUse;
    private boolean retired;

    /**
     * Counts one request starting at {@code now}, or refuses it with the fault of the first limit it would pass.
     * Returns {@code null} when this window was dropped as idle meanwhile: the caller takes the user's new one.
     */
    synchronized Admission admit(long now, ServiceProtectionLimits limits, java.util.function.LongSupplier clock) {
        if (retired) return null;
        long w = limits.window().toNanos();
        if (w != windowNanos) reset(w, now);
        lastUse = now;
        boolean windowed = w > 0;
        if (windowed) advance(now / bucketNanos);
        if (limits.limitsRequests() && requestTotal >= limits.requests()) {
            throw ThrottlingFaults.requests(limits, untilFits(now, requests, requestTotal - limits.requests() + 1));
        }
        long timeLimit = limits.executionTimeMillis() * 1_000_000L;
        if (limits.limitsExecutionTime() && executionTotal >= timeLimit) {
            throw ThrottlingFaults.executionTime(limits, untilFits(now, executionNanos, executionTotal - timeLimit + 1));
        }
        if (limits.limitsConcurrency() && running >= limits.concurrency()) throw ThrottlingFaults.concurrency(limits);
        running++;
        if (windowed) {
            requests[slot(head)]++;
            requestTotal++;
        }
        return new Admission(this, clock, now, limits.limitsRequests() ? limits.requests() - requestTotal : -1,
                limits.limitsExecutionTime() ? Math.max(0, (timeLimit - executionTotal) / 1_000_000L) : -1);
    }

    /** Ends a request admitted at {@code start}: its slot is free and its time counts from now on. */
    synchronized void finish(long start, long now) {
        running--;
        lastUse = Math.max(lastUse, now);
        if (windowNanos <= 0) return;
        advance(now / bucketNanos);
        long spent = Math.max(0, now - start);
        executionNanos[slot(head)] += spent;
        executionTotal += spent;
    }

    /** Marks this window dropped when nothing runs and everything it counted has left the window. */
    synchronized boolean retireIfIdle(long now) {
        if (running > 0 || now - lastUse < RING * Math.max(bucketNanos, 0)) return false;
        retired = true;
        return true;
    }

    private void reset(long window, long now) {
        windowNanos = window;
        bucketNanos = window <= 0 ? 0 : Math.max(1, (window + BUCKETS - 1) / BUCKETS);
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(executionNanos, 0);
        requestTotal = 0;
        executionTotal = 0;
        head = window <= 0 ? 0 : now / bucketNanos;
    }

    /** Moves the newest bucket to {@code index}, emptying the buckets that left the window on the way. */
    private void advance(long index) {
        if (index <= head) return;
        for (long k = Math.max(head + 1, index - RING + 1); k <= index; k++) {
            int s = slot(k);
            requestTotal -= requests[s];
            executionTotal -= executionNanos[s];
            requests[s] = 0;
            executionNanos[s] = 0;
        }
        head = index;
    }

    /** How long until the oldest buckets holding at least {@code excess} have left the window. */
    private Duration untilFits(long now, long[] amounts, long excess) {
        long dropped = 0;
        for (long k = head - RING + 1; k <= head; k++) {
            dropped += amounts[slot(k)];
            if (dropped >= excess) return Duration.ofNanos(Math.max(1, (k + RING) * bucketNanos - now));
        }
        return Duration.ofNanos(windowNanos);
    }

    private static int slot(long index) { return (int) Math.floorMod(index, (long) RING); }
}
