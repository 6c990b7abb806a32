package org.xrm4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.client.FakeBatchService.creates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;

/** Back-off and retry of whole-batch faults, timed by a fake clock: nothing here really sleeps. */
class BulkRetryTest {
    final FakeBatchService service = new FakeBatchService();
    final FakeTime time = new FakeTime();
    final List<String> retries = Collections.synchronizedList(new ArrayList<>());

    BulkExecutor.Builder executor() {
        return BulkExecutor.builder().service(service).clock(time).sleeper(time).batchSize(10)
                .listener(new BulkProgressListener() {
                    @Override public void progress(long done, long total, long faulted) {}

                    @Override public void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {
                        retries.add(fault.catalogued().name() + " " + delay + " #" + attempt);
                    }
                });
    }

    static FaultException fault(ErrorCode code, Map<String, Object> details) {
        return FaultException.withDetails(code, code.message(), details);
    }

    @Test void busyAndThrottledBatchesWaitTheRetryAfterTheServerNamed() {
        service.thenFault(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", 7)))
                .thenFault(fault(ErrorCodes.ThrottlingBurstRequestLimitExceededError, Map.of("Retry-After", "00:00:03")))
                .thenFault(fault(ErrorCodes.ThrottlingConcurrencyLimitExceededError, Map.of("Retry-After", "PT0.5S")));
        BulkResult result = executor().build().execute(creates(25));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofMillis(500));
        assertThat(retries).containsExactly("ServerBusy PT7S #1", "ThrottlingBurstRequestLimitExceededError PT3S #2",
                "ThrottlingConcurrencyLimitExceededError PT0.5S #3");
        assertThat(result.summary().allSucceeded()).isTrue();
        assertThat(service.executed).hasSize(25).doesNotHaveDuplicates();
        // The same first batch went four times; only the last one ran.
        assertThat(service.received).extracting(b -> b.getFirst()).containsExactly("r0", "r0", "r0", "r0", "r10", "r20");
    }

    @Test void withoutRetryAfterTheWaitDoublesUpToTheCap() {
        service.thenFault(fault(ErrorCodes.ServerBusy, Map.of())).thenFault(fault(ErrorCodes.ThrottlingTimeExceededError, Map.of()))
                .thenFault(fault(ErrorCodes.ServerBusy, Map.of())).thenFault(fault(ErrorCodes.ServerBusy, Map.of()));
        BulkResult result = executor().backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)).build().execute(creates(10));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(result.summary().allSucceeded()).isTrue();
    }

    @Test void aBatchGivesUpAfterMaxRetriesWithTheLastFault() {
        for (int i = 0; i < 3; i++) service.thenFault(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", 1)));
        BulkResult result = executor().maxRetries(2).build().execute(creates(20));

        assertThat(time.sleeps).hasSize(2);
        assertThat(result.failures()).hasSize(10).allSatisfy(o ->
                assertThat(o.fault().orElseThrow().errorCode()).isEqualTo(ErrorCodes.ServerBusy.code()));
        assertThat(result.outcomes().subList(10, 20)).allSatisfy(o -> assertThat(o.succeeded()).isTrue());
        assertThat(service.executed).hasSize(10);
    }

    @Test void aProxys503WithRetryAfterIsRetriedToo() {
        service.thenFault(fault(ErrorCodes.UnExpected, Map.of("Retry-After", 2)));
        BulkResult result = executor().build().execute(creates(10));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(result.summary().allSucceeded()).isTrue();
    }

    @Test void anyOtherBatchFaultFailsThatBatchAtOnce() {
        service.thenFault(new FaultException(ErrorCodes.InvalidUserAuth));
        BulkResult result = executor().build().execute(creates(20));

        assertThat(time.sleeps).isEmpty();
        assertThat(result.failures()).extracting(BulkOutcome::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(result.failures().getFirst().fault().orElseThrow().errorCode()).isEqualTo(ErrorCodes.InvalidUserAuth.code());
        assertThat(result.summary().succeeded()).isEqualTo(10);
    }

    @Test void anExceptionThatIsNotAFaultBecomesAnUnexpectedFault() {
        BulkExecutor bulk = BulkExecutor.builder().service(r -> { throw new IllegalStateException("boom"); }).build();
        BulkResult result = bulk.execute(creates(3));

        assertThat(result.failures()).hasSize(3).allSatisfy(o -> assertThat(o.fault().orElseThrow().message()).contains("boom"));
        assertThat(result.failures().getFirst().fault().orElseThrow().errorCode()).isEqualTo(ErrorCodes.UnExpected.code());
    }

    @Test void aThrottledWorkerHoldsBackTheOthers() {
        // The clock stands still, so every send that starts inside the pause sleeps its whole length.
        time.frozen = true;
        CountDownLatch secondSent = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        FakeBatchService held = new FakeBatchService() {
            @Override void arriving(List<String> names) {
                // The second batch is already in flight when the first is throttled; it answers after the pause began.
                if (names.contains("r0")) BulkExecutorTest.await(secondSent);
                if (names.contains("r10")) {
                    secondSent.countDown();
                    BulkExecutorTest.await(paused);
                }
            }
        };
        held.thenFault(fault(ErrorCodes.ThrottlingBurstRequestLimitExceededError, Map.of("Retry-After", 30)));
        BulkResult result = BulkExecutor.builder().service(held).clock(time).sleeper(time).batchSize(10).parallelism(2)
                .listener(new BulkProgressListener() {
                    @Override public void progress(long done, long total, long faulted) {}

                    @Override public void retrying(OrganizationServiceFault fault, Duration delay, int attempt) { paused.countDown(); }
                }).build().execute(creates(40));

        // The throttled batch's own retry, then the third and fourth batches, which were sent after the pause began.
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(result.summary().allSucceeded()).isTrue();
        assertThat(held.executed).hasSize(40).doesNotHaveDuplicates();
    }

    @Test void retryAfterReadsEveryFormItComesIn() {
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", 4)).fault())).contains(Duration.ofSeconds(4));
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", 1.5)).fault())).contains(Duration.ofMillis(1500));
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", "12")).fault())).contains(Duration.ofSeconds(12));
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", "01:02:03")).fault()))
                .contains(Duration.ofSeconds(3723));
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", Duration.ofMinutes(2))).fault()))
                .contains(Duration.ofMinutes(2));
        assertThat(RetryPolicy.retryAfter(fault(ErrorCodes.ServerBusy, Map.of("Retry-After", "soon")).fault())).isEmpty();
    }

    @Test void onlyAMaxBatchSizeFaultAsksForAResize() {
        assertThat(RetryPolicy.maxBatchSize(fault(ErrorCodes.NotSupported, Map.of("MaxBatchSize", 250)).fault())).contains(250);
        assertThat(RetryPolicy.maxBatchSize(fault(ErrorCodes.NotSupported, Map.of()).fault())).isEmpty();
        assertThat(RetryPolicy.maxBatchSize(fault(ErrorCodes.InvalidArgument, Map.of("MaxBatchSize", 250)).fault())).isEmpty();
    }
}
