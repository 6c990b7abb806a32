package org.xrm4j.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/** The limiter alone, on a clock the test moves: counts, sliding, Retry-After, concurrency, per-user windows, memory. */
class ServiceProtectionTest {
    /** How much longer than the window a request may stay counted: one bucket (and rounding). */
    private static final Duration BUCKET_OF_2S = Duration.ofNanos(2_000_000_000L / UsageWindow.BUCKETS + 100);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final AtomicReference<ServiceProtectionLimits> limits = new AtomicReference<>(ServiceProtectionLimits.OFF);
    private final ServiceProtection protection = new ServiceProtection(limits::get, nanos::get);

    @Test void withEveryLimitOffNothingIsCountedOrAnnounced() {
        for (int i = 0; i < 10_000; i++) admit("alice").close();
        assertThat(protection.trackedUsers()).isZero();
        assertThat(headers(admit("alice"))).isEmpty();
    }

    @Test void theRequestAfterTheLimitIsRefusedUntilTheFirstRequestsLeaveTheWindow() {
        limits.set(new ServiceProtectionLimits(5, 0, 0, Duration.ofSeconds(2)));
        for (int i = 4; i >= 0; i--) {
            Admission a = admit("alice");
            assertThat(headers(a)).containsExactly(Map.entry(Admission.BURST_REMAINING, Integer.toString(i)));
            a.close();
        }
        Duration retry = refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError,
                "Number of requests exceeded the limit of 5 over time window of 2 seconds.");
        assertThat(retry).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(2).plus(BUCKET_OF_2S));

        advance(retry.minusNanos(1));
        refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        advance(Duration.ofNanos(1));
        admit("alice").close();
    }

    @Test void theWindowSlidesAndRetryAfterWaitsOnlyForWhatMustLeave() {
        limits.set(new ServiceProtectionLimits(5, 0, 0, Duration.ofSeconds(2)));
        for (int i = 0; i < 3; i++) admit("alice").close();
        advance(Duration.ofSeconds(1));
        for (int i = 0; i < 2; i++) admit("alice").close();
        advance(Duration.ofMillis(500));

        Duration retry = refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        // The three oldest leave 2 s after they came, 0.5 s from now (give or take a bucket).
        assertThat(retry).isBetween(Duration.ofMillis(500), Duration.ofMillis(500).plus(BUCKET_OF_2S));
        advance(retry);
        for (int i = 0; i < 3; i++) admit("alice").close();
        // Now the two of second 1 must leave: at second 3 (give or take a bucket); it is second 1.5 + retry.
        Duration next = refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        Duration untilThird = Duration.ofMillis(1_500).minus(retry);
        assertThat(next).isBetween(untilThird, untilThird.plus(BUCKET_OF_2S));
    }

    @Test void refusedRequestsDoNotCount() {
        limits.set(new ServiceProtectionLimits(3, 0, 0, Duration.ofSeconds(10)));
        for (int i = 0; i < 3; i++) admit("alice").close();
        for (int i = 0; i < 100; i++) refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        advance(Duration.ofSeconds(11));
        for (int i = 0; i < 3; i++) admit("alice").close();
        refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
    }

    @Test void combinedExecutionTimeOverTheLimitRefusesUntilItLeavesTheWindow() {
        limits.set(new ServiceProtectionLimits(0, 1_000, 0, Duration.ofSeconds(10)));
        Admission slow = admit("alice");
        assertThat(headers(slow)).containsExactly(Map.entry(Admission.TIME_REMAINING, "1000"));
        advance(Duration.ofMillis(400));
        slow.close();
        Admission second = admit("alice");
        assertThat(headers(second)).containsExactly(Map.entry(Admission.TIME_REMAINING, "600"));
        advance(Duration.ofMillis(700));
        second.close();

        Duration retry = refused("alice", ErrorCodes.ThrottlingTimeExceededError, "Combined execution time of incoming requests"
                + " exceeded limit of 1,000 milliseconds over time window of 10 seconds. Decrease number of concurrent requests"
                + " or reduce the duration of requests and try again later.");
        // Dropping the first request's 400 ms is enough: it ended 0.7 s ago, so about 9.3 s are left.
        Duration bucket = Duration.ofMillis(10_000 / UsageWindow.BUCKETS + 1);
        assertThat(retry).isBetween(Duration.ofMillis(9_300), Duration.ofMillis(9_300).plus(bucket));
        advance(retry);
        admit("alice").close();
    }

    @Test void concurrentRequestsOverTheLimitAreRefusedUntilOneEnds() {
        limits.set(new ServiceProtectionLimits(0, 0, 2, Duration.ofSeconds(300)));
        Admission first = admit("alice");
        Admission second = admit("alice");
        assertThat(headers(first)).isEmpty();
        Duration retry = refused("alice", ErrorCodes.ThrottlingConcurrencyLimitExceededError,
                "Number of concurrent requests exceeded the limit of 2.");
        assertThat(retry).isEqualTo(Duration.ofSeconds(1));
        admit("bob").close();
        first.close();
        first.close();
        Admission third = admit("alice");
        refused("alice", ErrorCodes.ThrottlingConcurrencyLimitExceededError, null);
        second.close();
        third.close();
    }

    @Test void eachUserHasAWindowOfTheirOwn() {
        limits.set(new ServiceProtectionLimits(2, 0, 0, Duration.ofSeconds(60)));
        admit("alice").close();
        admit("alice").close();
        refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        admit("bob").close();
        admit("bob").close();
        assertThat(protection.trackedUsers()).isEqualTo(2);
    }

    @Test void idleUsersWindowsAreDroppedButBusyOnesKept() {
        limits.set(new ServiceProtectionLimits(100, 0, 0, Duration.ofSeconds(5)));
        for (int i = 0; i < 1000; i++) admit("user" + i).close();
        Admission running = admit("busy");
        assertThat(protection.trackedUsers()).isEqualTo(1001);

        advance(Duration.ofSeconds(6));
        admit("late").close();

        assertThat(protection.trackedUsers()).isEqualTo(2);
        running.close();
        // A dropped user starts over with a fresh window.
        assertThat(headers(admit("user7"))).containsEntry(Admission.BURST_REMAINING, "99");
    }

    @Test void changedSettingsApplyToTheNextRequest() {
        limits.set(new ServiceProtectionLimits(2, 0, 0, Duration.ofSeconds(60)));
        admit("alice").close();
        admit("alice").close();
        refused("alice", ErrorCodes.ThrottlingBurstRequestLimitExceededError, null);
        limits.set(new ServiceProtectionLimits(3, 0, 0, Duration.ofSeconds(60)));
        admit("alice").close();
        limits.set(ServiceProtectionLimits.OFF);
        admit("alice").close();
        assertThat(protection.trackedUsers()).isZero();
    }

    @Test void concurrentCallersNeverGetMoreThanTheLimit() throws Exception {
        limits.set(new ServiceProtectionLimits(500, 0, 0, Duration.ofSeconds(60)));
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        try (Admission a = protection.admit(() -> "alice")) {
                            admitted.incrementAndGet();
                        } catch (FaultException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : all) f.get();
        }
        assertThat(admitted.get()).isEqualTo(500);
        assertThat(refused.get()).isEqualTo(1100);
    }

    private Admission admit(String user) { return protection.admit(() -> user); }

    private void advance(Duration d) { nanos.addAndGet(d.toNanos()); }

    /** Asserts a refusal with that code (and message, when given) and returns its Retry-After. */
    private Duration refused(String user, ErrorCode code, String message) {
        AtomicReference<Duration> retry = new AtomicReference<>();
        assertThatThrownBy(() -> admit(user)).isInstanceOfSatisfying(FaultException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code.code());
            if (message != null) assertThat(e.fault().message()).isEqualTo(message);
            assertThat(e.fault().errorDetails().get("Retry-After")).isInstanceOf(Duration.class);
            retry.set((Duration) e.fault().errorDetails().get("Retry-After"));
        });
        return retry.get();
    }

    private static Map<String, String> headers(Admission a) {
        Map<String, String> m = new LinkedHashMap<>();
        a.headers(m::put);
        return m;
    }
}
