package org.xrm4j.server.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The service protection limits of this server process: each user's requests and combined execution time over a
 * sliding window, and each user's concurrent requests. A request over a limit is refused before it runs, with a
 * throttling fault whose Retry-After says when it would fit. A batch (ExecuteMultiple, {@code $batch}) is one request.
 *
 * <p>Cheap on the hot path: with every limit off a request touches nothing; with limits on it takes only its user's
 * lock. Memory stays bounded: about once a window, the windows of users with nothing running and nothing left in
 * their window are dropped. The limits are read for every request, so a changed setting applies at once; the clock
 * is injectable (nanoseconds) so that tests control time.
 */
public final class ServiceProtection {
    private static final long MIN_SWEEP_NANOS = 1_000_000_000L;

    private final Supplier<ServiceProtectionLimits> limits;
    private final LongSupplier clock;
    private final Map<Object, UsageWindow> users = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** {@code nanoTime}: a monotonic clock in nanoseconds, such as {@link System#nanoTime}. */
    public ServiceProtection(Supplier<ServiceProtectionLimits> limits, LongSupplier nanoTime) {
        this.limits = limits;
        long origin = nanoTime.getAsLong();
        // Relative to the start, so that the times are never negative and bucket arithmetic stays simple.
        this.clock = () -> nanoTime.getAsLong() - origin;
    }

    /**
     * Lets the user's request in, or throws the throttling fault of the first limit it would pass. {@code user} is
     * asked for only while a limit is on; it names the user (equal keys share one window).
     */
    public Admission admit(Supplier<?> user) {
        ServiceProtectionLimits l = limits.get();
        if (!l.on()) {
            if (!users.isEmpty()) users.clear();
            return Admission.UNLIMITED;
        }
        long now = clock.getAsLong();
        sweepIfDue(now, l.window().toNanos());
        Object key = user.get();
        while (true) {
            UsageWindow w = users.computeIfAbsent(key, k -> new UsageWindow());
            Admission a = w.admit(now, l, clock);
            if (a != null) return a;
            users.remove(key, w);
        }
    }

    /** How many users' windows are held now. */
    public int trackedUsers() { return users.size(); }

    private void sweepIfDue(long now, long windowNanos) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + Math.max(windowNanos, MIN_SWEEP_NANOS))) return;
        users.forEach((key, w) -> {
            if (w.retireIfIdle(now)) users.remove(key, w);
        });
    }
}
