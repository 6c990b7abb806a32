package org.xrm4j.client;

import java.time.Duration;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * Hears how a {@link BulkExecutor} run goes. Calls never overlap (the executor serializes them), but they come from
 * the executor's worker threads, so a listener that updates a screen must not block for long.
 */
@FunctionalInterface
public interface BulkProgressListener {
    /**
     * After each batch: requests that ran so far ({@code done}, faulted ones included), the expected total (-1 when
     * the caller did not know it), and how many of the done ones faulted.
     */
    void progress(long done, long total, long faulted);

    /** Before a batch is resent after a throttling or busy fault; {@code attempt} counts from 1. */
    default void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {}

    /** A listener that ignores everything. */
    static BulkProgressListener none() { return (done, total, faulted) -> { }; }
}
