package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;
import org.xrm4j.server.engine.BulkCreates;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.engine.Records;

/**
 * ExecuteTransaction: every request in the one unit of work the pipeline opened, in order. The first fault rolls
 * everything back and comes back as an ExecuteTransactionFault carrying the failing request's index and code.
 *
 * <p>Runs of plain Creates take the bulk path as in ExecuteMultiple: validated one by one, inserted together inside
 * the transaction behind a savepoint. When the database refuses a row, the run goes back to the savepoint and is
 * replayed one request at a time, so that the fault names the request at fault, as one by one would.
 */
public final class ExecuteTransactionHandler implements MessageHandler {
    private final Pipeline pipeline;

    public ExecuteTransactionHandler(Pipeline pipeline) { this.pipeline = pipeline; }

    @Override public String messageName() { return ExecuteTransactionRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        ExecuteTransactionRequest et = (ExecuteTransactionRequest) request;
        List<OrganizationRequest> requests = Arguments.required(request, "Requests", et.requests());
        Batches.checkSize(requests, pipeline.settings().batchSize());
        return new Run(ctx, Boolean.TRUE.equals(et.returnResponses())).execute(requests);
    }

    /** One transaction's progress: the responses so far and the pending run of bulk Creates. */
    private final class Run {
        private final ExecutionContext ctx;
        private final boolean returnResponses;
        private final List<OrganizationResponse> responses = new ArrayList<>();
        private final List<Integer> pendingIndexes = new ArrayList<>();
        private final List<OrganizationRequest> pendingRequests = new ArrayList<>();
        private final List<Records.NewRow> pendingRows = new ArrayList<>();

        Run(ExecutionContext ctx, boolean returnResponses) {
            this.ctx = ctx;
            this.returnResponses = returnResponses;
        }

        ExecuteTransactionResponse execute(List<OrganizationRequest> requests) {
            for (int i = 0; i < requests.size(); i++) {
                OrganizationRequest item = requests.get(i);
                if (item != null && BulkCreates.eligibleInTransaction(pipeline, ctx, item)) {
                    stage(i, item);
                } else {
                    flush();
                    int index = i;
                    respond(index, () -> runItem(item));
                }
            }
            flush();
            return new ExecuteTransactionResponse().responses(returnResponses ? responses : List.of());
        }

        private void stage(int index, OrganizationRequest item) {
            Records.NewRow row;
            try {
                row = Records.prepareCreate(ctx.forItemInTransaction().nested(), ((CreateRequest) item).target());
            } catch (FaultException e) {
                // An earlier pending row the database refuses is the first fault, so the run goes in first.
                flush();
                throw failed(e, index);
            }
            pendingIndexes.add(index);
            pendingRequests.add(item);
            pendingRows.add(row);
            if (pendingRows.size() >= ExecuteMultipleHandler.RUN_SIZE) flush();
        }

        private void flush() {
            if (pendingRows.isEmpty()) return;
            try {
                BulkCreates.insertSavepointed(ctx.unitOfWork(), ctx, pendingRows);
                for (Records.NewRow row : pendingRows) responses.add(new CreateResponse().id(row.id()));
            } catch (RuntimeException refused) {
                for (int k = 0; k < pendingRequests.size(); k++) {
                    OrganizationRequest request = pendingRequests.get(k);
                    respond(pendingIndexes.get(k), () -> pipeline.execute(ctx.forItemInTransaction(), request));
                }
            } finally {
                pendingIndexes.clear();
                pendingRequests.clear();
                pendingRows.clear();
            }
        }

        private void respond(int index, java.util.function.Supplier<OrganizationResponse> call) {
            try {
                responses.add(call.get());
            } catch (FaultException e) {
                throw failed(e, index);
            }
        }

        private OrganizationResponse runItem(OrganizationRequest item) {
            if (item == null) throw new FaultException(ErrorCodes.InvalidArgument, "A request of the transaction is null.");
            if (item.requestName().equals(ExecuteMultipleRequest.NAME) || item.requestName().equals(ExecuteTransactionRequest.NAME)) {
                throw new FaultException(ErrorCodes.NotSupported, "ExecuteTransaction cannot contain " + item.requestName() + ".");
            }
            return pipeline.execute(ctx.forItemInTransaction(), item);
        }
    }

    private static FaultException failed(FaultException e, int index) {
        return new FaultException(ExecuteTransactionFault.of(e.fault(), index));
    }
}
