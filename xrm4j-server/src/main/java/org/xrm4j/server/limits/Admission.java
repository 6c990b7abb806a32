package org.xrm4j.server.limits;

import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A request let in by the service protection limits, held while it runs: closing it frees its concurrency slot and
 * adds its execution time to the user's window. It also knows what the user has left, for the diagnostic headers.
 */
public final class Admission implements AutoCloseable {
    public static final String BURST_REMAINING = "x-ms-ratelimit-burst-remaining-xrm-requests";
    public static final String TIME_REMAINING = "x-ms-ratelimit-time-remaining-xrm-requests";
    /** The admission of a request while every limit is off: no accounting, no headers. */
    public static final Admission UNLIMITED = new Admission(null, null, 0, -1, -1);

    private final UsageWindow window;
    private final LongSupplier clock;
    private final long start;
    private final long burstRemaining;
    private final long timeRemainingMillis;
    private boolean closed;

    Admission(UsageWindow window, LongSupplier clock, long start, long burstRemaining, long timeRemainingMillis) {
        this.window = window;
        this.clock = clock;
        this.start = start;
        this.burstRemaining = burstRemaining;
        this.timeRemainingMillis = timeRemainingMillis;
    }

    /** The diagnostic headers of the limits that are on: requests and milliseconds the user has left in the window. */
    public void headers(BiConsumer<String, String> sink) {
        if (burstRemaining >= 0) sink.accept(BURST_REMAINING, Long.toString(burstRemaining));
        if (timeRemainingMillis >= 0) sink.accept(TIME_REMAINING, Long.toString(timeRemainingMillis));
    }

    @Override public void close() {
        if (window == null || closed) return;
        closed = true;
        window.finish(start, clock.getAsLong());
    }
}
