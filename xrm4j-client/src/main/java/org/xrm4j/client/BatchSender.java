package org.xrm4j.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;

/**
 * Sends one batch and answers an outcome for each of its requests. The batch may go as several pieces: a
 * MaxBatchSize fault splits the piece it answered (that fault comes before anything ran, so the split resends each
 * request exactly once), and a throttling or busy fault resends the same piece after a pause.
 */
final class BatchSender {
    private final BulkExecutor config;
    private final BulkRun run;
    private final long first;
    private final List<OrganizationRequest> batch;
    private final BulkOutcome[] outcomes;
    private final ExecuteMultipleSettings settings;

    BatchSender(BulkExecutor config, BulkRun run, long first, List<OrganizationRequest> batch) {
        this.config = config;
        this.run = run;
        this.first = first;
        this.batch = batch;
        this.outcomes = new BulkOutcome[batch.size()];
        this.settings = new ExecuteMultipleSettings(config.continueOnError, true);
    }

    /** A half-open range of the batch, sent as one ExecuteMultiple. */
    private record Piece(int from, int to) {
        int size() { return to - from; }
    }

    List<BulkOutcome> send() {
        Deque<Piece> pieces = new ArrayDeque<>();
        pieces.add(new Piece(0, batch.size()));
        while (!pieces.isEmpty()) {
            Piece piece = pieces.poll();
            if (run.stopped()) {
                notExecuted(piece);
                pieces.forEach(this::notExecuted);
                break;
            }
            send(piece, pieces);
        }
        return Arrays.asList(outcomes);
    }

    private void send(Piece piece, Deque<Piece> pieces) {
        for (int attempt = 1; ; attempt++) {
            OrganizationServiceFault fault;
            try {
                run.awaitTurn();
                List<OrganizationRequest> requests = new ArrayList<>(batch.subList(piece.from(), piece.to()));
                record(piece, config.service.execute(new ExecuteMultipleRequest(requests, settings)));
                return;
            } catch (FaultException e) {
                fault = e.fault();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.stop();
                failAll(piece, unexpected("Interrupted before the batch was sent."));
                return;
            } catch (RuntimeException e) {
                fault = unexpected("The batch failed: " + e);
            }
            Optional<Integer> max = RetryPolicy.maxBatchSize(fault);
            if (max.isPresent() && max.get() >= 1 && max.get() < piece.size()) {
                split(piece, max.get(), pieces);
                return;
            }
            if (RetryPolicy.retryable(fault) && attempt <= config.retry.maxRetries()) {
                Duration delay = config.retry.delay(fault, attempt);
                run.pause(delay);
                run.retrying(fault, delay, attempt);
                continue;
            }
            failAll(piece, fault);
            return;
        }
    }

    /** Queues the piece again, cut to the server's size, ahead of the pieces still waiting. */
    private void split(Piece piece, int size, Deque<Piece> pieces) {
        config.shrinkTo(size);
        List<Piece> cut = new ArrayList<>();
        for (int from = piece.from(); from < piece.to(); from += size) cut.add(new Piece(from, Math.min(from + size, piece.to())));
        for (int i = cut.size() - 1; i >= 0; i--) pieces.addFirst(cut.get(i));
    }

    private void record(Piece piece, OrganizationResponse response) {
        if (!(response instanceof ExecuteMultipleResponse answer)) {
            failAll(piece, unexpected("ExecuteMultiple was answered with " + response.responseName() + "."));
            return;
        }
        int firstFault = Integer.MAX_VALUE;
        List<ExecuteMultipleResponseItem> items = answer.responses() == null ? List.of() : answer.responses();
        for (ExecuteMultipleResponseItem item : items) {
            int i = item.requestIndex();
            if (i < 0 || i >= piece.size()) continue;
            int slot = piece.from() + i;
            if (item.fault() != null) {
                outcomes[slot] = BulkOutcome.faulted(first + slot, batch.get(slot), item.fault());
                firstFault = Math.min(firstFault, i);
            } else {
                outcomes[slot] = BulkOutcome.succeeded(first + slot, batch.get(slot), item.response());
            }
        }
        // A missing item is a request that answers nothing by design, or, past a fault that stopped the batch, one that never ran.
        for (int i = 0; i < piece.size(); i++) {
            int slot = piece.from() + i;
            if (outcomes[slot] != null) continue;
            outcomes[slot] = !config.continueOnError && i > firstFault
                    ? BulkOutcome.notExecuted(first + slot, batch.get(slot))
                    : BulkOutcome.succeeded(first + slot, batch.get(slot), null);
        }
        if (firstFault != Integer.MAX_VALUE && !config.continueOnError) run.stop();
    }

    private void failAll(Piece piece, OrganizationServiceFault fault) {
        for (int slot = piece.from(); slot < piece.to(); slot++) outcomes[slot] = BulkOutcome.faulted(first + slot, batch.get(slot), fault);
        if (!config.continueOnError) run.stop();
    }

    private void notExecuted(Piece piece) {
        for (int slot = piece.from(); slot < piece.to(); slot++) outcomes[slot] = BulkOutcome.notExecuted(first + slot, batch.get(slot));
    }

    private static OrganizationServiceFault unexpected(String message) {
        return new OrganizationServiceFault(ErrorCodes.UnExpected, message);
    }
}
