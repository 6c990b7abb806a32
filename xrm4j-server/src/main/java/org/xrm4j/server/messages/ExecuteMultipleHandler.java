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
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.engine.UnitOfWork;

/**
 * ExecuteMultiple: the requests run in order, each in its own unit of work (a savepoint when the batch itself runs
 * inside a transaction), so a failed request leaves no trace and every earlier one stays. ContinueOnError and
 * ReturnResponses select the documented outcomes; a batch over BatchSize faults before anything runs.
 */
public final class ExecuteMultipleHandler implements MessageHandler {
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
            return run(ctx, requests, settings);
        }
    }

    private ExecuteMultipleResponse run(ExecutionContext ctx, List<OrganizationRequest> requests, ExecuteMultipleSettings settings) {
        List<ExecuteMultipleResponseItem> items = new ArrayList<>();
        boolean faulted = false;
        for (int i = 0; i < requests.size(); i++) {
            OrganizationRequest item = requests.get(i);
            try {
                OrganizationResponse response = runItem(ctx, item);
                if (settings.returnResponses()) items.add(new ExecuteMultipleResponseItem(i, response, null));
            } catch (FaultException e) {
                faulted = true;
                items.add(new ExecuteMultipleResponseItem(i, null, e.fault()));
                if (!settings.continueOnError()) break;
            }
        }
        return new ExecuteMultipleResponse().isFaulted(faulted).responses(items);
    }

    private OrganizationResponse runItem(ExecutionContext ctx, OrganizationRequest item) {
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
