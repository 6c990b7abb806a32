package org.xrm4j.client;

import java.time.Duration;

/**
 * The counts of one {@link BulkExecutor} run: every request given ends up in exactly one of succeeded, faulted and
 * notExecuted.
 */
public record BulkSummary(long total, long succeeded, long faulted, long notExecuted, Duration elapsed) {
    public boolean allSucceeded() { return succeeded == total; }

    /** Requests that ran (succeeded or faulted) per second of the run. */
    public double perSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (succeeded + faulted) / seconds;
    }
}
