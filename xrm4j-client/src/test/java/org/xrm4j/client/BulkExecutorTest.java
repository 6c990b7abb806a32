package org.xrm4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xrm4j.client.FakeBatchService.creates;
import static org.xrm4j.client.FakeBatchService.idOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateResponse;

/** Batching, index mapping, MaxBatchSize resizing, parallel batches and stopping, against an in-memory service. */
class BulkExecutorTest {
    final FakeBatchService service = new FakeBatchService();
    final FakeTime time = new FakeTime();
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    BulkExecutor.Builder executor() {
        return BulkExecutor.builder().service(service).clock(time).sleeper(time)
                .listener((done, total, faulted) -> progress.add(done + "/" + total + "/" + faulted));
    }

    static List<String> names(int count) {
        return creates(count).stream().map(FakeBatchService::name).toList();
    }

    /** Each outcome sits at its index, answers its own request, and carries that request's response. */
    static void assertAnswersItsOwnRequest(BulkResult result, List<OrganizationRequest> input) {
        assertThat(result.outcomes()).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            BulkOutcome o = result.outcomes().get(i);
            assertThat(o.index()).isEqualTo(i);
            assertThat(o.request()).isSameAs(input.get(i));
            if (o.succeeded()) {
                assertThat(((CreateResponse) o.response().orElseThrow()).id()).isEqualTo(idOf(FakeBatchService.name(input.get(i))));
            }
        }
    }

    @Test void cutsTheInputIntoBatchesAndMapsEveryIndex() {
        List<OrganizationRequest> input = creates(2500);
        BulkResult result = executor().batchSize(1000).build().execute(input);

        assertThat(service.received).extracting(List::size).containsExactly(1000, 1000, 500);
        assertThat(service.continueOnErrorSeen).containsOnly(true);
        assertAnswersItsOwnRequest(result, input);
        assertThat(result.summary().allSucceeded()).isTrue();
        assertThat(result.summary().total()).isEqualTo(2500);
        assertThat(progress).containsExactly("1000/2500/0", "2000/2500/0", "2500/2500/0");
    }

    @Test void anItemFaultStaysWithItsRequest() {
        service.failing = Set.of("r7", "r1503");
        List<OrganizationRequest> input = creates(2000);
        BulkResult result = executor().batchSize(1000).build().execute(input);

        assertAnswersItsOwnRequest(result, input);
        assertThat(result.failures()).extracting(BulkOutcome::index).containsExactly(7L, 1503L);
        assertThat(result.failures().getFirst().fault().orElseThrow().errorCode()).isEqualTo(ErrorCodes.DuplicateRecord.code());
        assertThat(result.summary().faulted()).isEqualTo(2);
        assertThat(result.summary().succeeded()).isEqualTo(1998);
        assertThat(progress).containsExactly("1000/2000/1", "2000/2000/2");
    }

    @Test void maxBatchSizeResizesAndResendsWithoutLosingOrRepeatingAnything() {
        service.maxBatchSize = 300;
        List<OrganizationRequest> input = creates(2500);
        BulkExecutor bulk = executor().batchSize(1000).build();
        BulkResult result = bulk.execute(input);

        assertThat(service.executed).containsExactlyElementsOf(names(2500));
        assertThat(bulk.batchSize()).isEqualTo(300);
        // The first batch is refused once; its 1000 go again as 300+300+300+100; the rest is cut at 300.
        assertThat(service.received).extracting(List::size).startsWith(1000, 300, 300, 300, 100, 300);
        assertThat(service.received.stream().skip(1)).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(300));
        assertAnswersItsOwnRequest(result, input);
        assertThat(result.summary().allSucceeded()).isTrue();
        assertThat(time.sleeps).isEmpty();
    }

    @Test void maxBatchSizeWithParallelBatchesStillRunsEachRequestOnce() {
        service.maxBatchSize = 70;
        List<OrganizationRequest> input = creates(1000);
        BulkResult result = executor().batchSize(200).parallelism(3).build().execute(input);

        assertThat(service.executed).containsExactlyInAnyOrderElementsOf(names(1000));
        assertAnswersItsOwnRequest(result, input);
        assertThat(result.summary().succeeded()).isEqualTo(1000);
    }

    @Test void parallelBatchesAnswerInInputOrder() {
        FakeBatchService paced = new FakeBatchService() {
            @Override void arriving(List<String> names) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 25));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        paced.failing = Set.of("r55");
        List<OrganizationRequest> input = creates(400);
        BulkResult result = BulkExecutor.builder().service(paced).batchSize(10).parallelism(4).build().execute(input);

        assertAnswersItsOwnRequest(result, input);
        assertThat(result.failures()).extracting(BulkOutcome::index).containsExactly(55L);
        assertThat(paced.received).hasSize(40);
        assertThat(paced.maxInFlight.get()).isBetween(2, 4);
    }

    @Test void stopOnErrorSendsNoFurtherBatch() {
        service.failing = Set.of("r15");
        List<OrganizationRequest> input = creates(100);
        BulkResult result = executor().batchSize(10).continueOnError(false).build().execute(input);

        assertThat(service.received).hasSize(2);
        assertThat(service.continueOnErrorSeen).containsOnly(false);
        assertThat(result.outcomes().get(14).succeeded()).isTrue();
        assertThat(result.outcomes().get(15).status()).isEqualTo(BulkOutcome.Status.Faulted);
        assertThat(result.outcomes().subList(16, 100)).allSatisfy(o -> assertThat(o.status()).isEqualTo(BulkOutcome.Status.NotExecuted));
        assertThat(result.summary()).extracting(BulkSummary::succeeded, BulkSummary::faulted, BulkSummary::notExecuted)
                .containsExactly(15L, 1L, 84L);
    }

    @Test void stopOnErrorLetsBatchesInFlightComplete() {
        CountDownLatch allSent = new CountDownLatch(3);
        CountDownLatch faultSeen = new CountDownLatch(1);
        FakeBatchService held = new FakeBatchService() {
            @Override void arriving(List<String> names) {
                // Batch 1 answers once batches 2 and 3 were sent; they answer only once its fault was reported.
                allSent.countDown();
                await(names.contains("r0") ? allSent : faultSeen);
            }
        };
        held.failing = Set.of("r3");
        List<BulkOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        BulkSummary summary = BulkExecutor.builder().service(held).batchSize(10).parallelism(3).continueOnError(false).build()
                .execute(creates(100).iterator(), 100, o -> {
                    outcomes.add(o);
                    if (o.status() == BulkOutcome.Status.Faulted) faultSeen.countDown();
                });

        assertThat(held.received).hasSize(3);
        assertThat(held.executed).hasSize(3 + 20);
        assertThat(summary).extracting(BulkSummary::succeeded, BulkSummary::faulted, BulkSummary::notExecuted)
                .containsExactly(23L, 1L, 76L);
        assertThat(outcomes).extracting(BulkOutcome::index).doesNotHaveDuplicates().hasSize(100);
    }

    @Test void aStreamedRunReadsTheInputAsItSends() {
        List<OrganizationRequest> input = creates(35);
        List<Long> seen = new ArrayList<>();
        BulkSummary summary = executor().batchSize(10).build().execute(input.iterator(), -1, o -> seen.add(o.index()));

        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 35).boxed().toList());
        assertThat(summary.total()).isEqualTo(35);
        assertThat(progress).containsExactly("10/-1/0", "20/-1/0", "30/-1/0", "35/-1/0");
    }

    @Test void aSinkThatThrowsStopsTheRunAndTheExceptionReachesTheCaller() {
        BulkExecutor bulk = executor().batchSize(10).build();
        assertThatThrownBy(() -> bulk.execute(creates(100).iterator(), 100, o -> {
            if (o.index() == 12) throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(service.received).hasSize(2);
    }

    @Test void anEmptyInputSendsNothing() {
        BulkResult result = executor().build().execute(List.of());
        assertThat(result.outcomes()).isEmpty();
        assertThat(service.received).isEmpty();
        assertThat(result.summary().allSucceeded()).isTrue();
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
