package org.xrm4j.server.messages;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.server.engine.BulkCreates;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.engine.UnitOfWork;

/**
 * ExecuteMultiple: the requests run in order, each in its own unit of work (a savepoint when the batch itself runs
 * inside a transaction), so a failed request leaves no trace and every earlier one stays. ContinueOnError and
 * ReturnResponses select the documented outcomes; a batch over BatchSize faults before anything runs.
 *
 * <p>Runs of plain Creates take the bulk path ({@link BulkCreates}): validated one by one, inserted together. Its
 * outcome per item is the same as one by one: a row the database refuses sends the whole run back to be replayed
 * one request at a time.
 */
public final class ExecuteMultipleHandler implements MessageHandler {
    /** Rows per bulk transaction: large enough to amortize the commit, small enough that a replay stays cheap. */
    static final int RUN_SIZE = 500;

    private final Pipeline pipeline;
    private final BatchConcurrency concurrency;

    public ExecuteMultipleHandler(Pipeline pipeline, BatchConcurrency concurrency) {
        this.pipeline = pipeline;
        this.concurrency = concurrency;
    }

    @Override public String messageName() { return ExecuteMultipleRequest.NAME; }

    @Override public boolean transactional() { return false; }

    @SuppressWarnings("try") // the slot is held for the batch's duration, never read
    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        ExecuteMultipleRequest em = (ExecuteMultipleRequest) request;
        List<OrganizationRequest> requests = Arguments.required(request, "Requests", em.requests());
        ExecuteMultipleSettings settings = Arguments.required(request, "Settings", em.settings());
        Batches.checkSize(requests, pipeline.settings().batchSize());
        try (BatchConcurrency.Slot ignored = concurrency.enter(ctx.organization().uniqueName(),
                pipeline.settings().executeMultiplePerOrgMaxConnections())) {
            return new Run(ctx, settings).execute(requests);
        }
    }

    /** One batch's progress: its items so far, and the pending run of bulk Creates. */
    private final class Run {
        private final ExecutionContext ctx;
        private final ExecuteMultipleSettings settings;
        private final List<ExecuteMultipleResponseItem> items = new ArrayList<>();
        private final List<Integer> pendingIndexes = new ArrayList<>();
        private final List<OrganizationRequest> pendingRequests = new ArrayList<>();
        private final List<Records.NewRow> pendingRows = new ArrayList<>();
        private boolean faulted;
        private boolean stopped;

        Run(ExecutionContext ctx, ExecuteMultipleSettings settings) {
            this.ctx = ctx;
            this.settings = settings;
        }

        ExecuteMultipleResponse execute(List<OrganizationRequest> requests) {
            for (int i = 0; i < requests.size() && !stopped; i++) {
                OrganizationRequest item = requests.get(i);
                if (item != null && BulkCreates.eligible(pipeline, ctx, item)) {
                    stage(i, item, i == requests.size() - 1);
                } else {
                    flush();
                    if (!stopped) record(i, () -> runItem(item));
                }
            }
            flush();
            return new ExecuteMultipleResponse().isFaulted(faulted).responses(items);
        }

        /** Validates a Create now (its fault is its own item's) and queues its row for the next bulk insert. */
        private void stage(int index, OrganizationRequest item, boolean last) {
            Records.NewRow row;
            try {
                row = Records.prepareCreate(BulkCreates.itemContext(ctx), ((CreateRequest) item).target());
            } catch (FaultException e) {
                flush();
                if (!stopped) fault(index, e);
                return;
            }
            pendingIndexes.add(index);
            pendingRequests.add(item);
            pendingRows.add(row);
            if (pendingRows.size() >= RUN_SIZE) {
                flush();
                // The answer's own flush follows the last run at once: a background one then would only write twice.
                if (!last) pipeline.database().flushSoon();
            }
        }

        private void flush() {
            if (pendingRows.isEmpty()) return;
            try {
                BulkCreates.insert(pipeline, ctx, pendingRows);
                if (settings.returnResponses()) {
                    for (int k = 0; k < pendingRows.size(); k++) {
                        items.add(new ExecuteMultipleResponseItem(pendingIndexes.get(k), new CreateResponse().id(pendingRows.get(k).id()), null));
                    }
                }
            } catch (RuntimeException refused) {
                // Nothing of the run was written: replay it one request at a time to find the row (or rows) at fault.
                for (int k = 0; k < pendingRequests.size() && !stopped; k++) {
                    OrganizationRequest request = pendingRequests.get(k);
                    record(pendingIndexes.get(k), () -> pipeline.execute(ctx.forItem(), request));
                }
            }
            pendingIndexes.clear();
            pendingRequests.clear();
            pendingRows.clear();
        }

        private void record(int index, java.util.function.Supplier<OrganizationResponse> call) {
            try {
                OrganizationResponse response = call.get();
                if (settings.returnResponses()) items.add(new ExecuteMultipleResponseItem(index, response, null));
            } catch (FaultException e) {
                fault(index, e);
            }
        }

        private void fault(int index, FaultException e) {
            faulted = true;
            items.add(new ExecuteMultipleResponseItem(index, null, e.fault()));
            if (!settings.continueOnError()) stopped = true;
        }

        private OrganizationResponse runItem(OrganizationRequest item) {
            if (item == null) throw new FaultException(ErrorCodes.InvalidArgument, "A request of the batch is null.");
            if (item.requestName().equals(ExecuteMultipleRequest.NAME)) {
                throw new FaultException(ErrorCodes.NotSupported, "ExecuteMultiple cannot contain another ExecuteMultiple; that request was not executed.");
            }
            if (!ctx.inTransaction()) return pipeline.execute(ctx.forItem(), item);
            // Inside a caller's transaction (a plug-in's batch) each item is a savepoint, and rolls back with the caller.
            UnitOfWork uow = ctx.unitOfWork();
            Savepoint sp = uow.savepoint();
            try {
                OrganizationResponse response = pipeline.execute(ctx.forItemInTransaction(), item);
                uow.release(sp);
                return response;
            } catch (FaultException e) {
                uow.rollbackTo(sp);
                throw e;
            }
        }
    }
}
