package org.xrm4j.server.messages;

import java.util.Set;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.Messages;
import org.xrm4j.server.async.AsyncService;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;

/**
 * ExecuteAsync: queues ImportSolution, DeleteAndPromote or Merge as a system job (an asyncoperation row, operation
 * type 54) and answers its id at once. The wrapped request's shape is checked now, so a malformed request faults
 * here; business failures happen in the job and end it as Failed.
 */
public final class ExecuteAsyncHandler implements MessageHandler {
    private static final Set<String> ALLOWED = Set.of(ImportSolutionRequest.NAME, DeleteAndPromoteRequest.NAME, MergeRequest.NAME);

    private final AsyncService async;

    public ExecuteAsyncHandler(AsyncService async) { this.async = async; }

    @Override public String messageName() { return ExecuteAsyncRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        OrganizationRequest wrapped = Arguments.required(request, "Request", ((ExecuteAsyncRequest) request).request());
        if (!ALLOWED.contains(wrapped.requestName())) {
            throw new FaultException(ErrorCodes.NotSupported, "ExecuteAsync does not support " + wrapped.requestName()
                    + ": it accepts ImportSolution, DeleteAndPromote and Merge only. Nothing was queued.");
        }
        OrganizationRequest typed = Messages.request(wrapped.requestName(), wrapped.parameters()).requestId(wrapped.requestId());
        EntityReference regarding = checkShape(typed);
        return new ExecuteAsyncResponse().asyncJobId(async.enqueue(ctx, typed, regarding));
    }

    /** The parameters the job will need, checked before anything is queued; answers the record the job concerns. */
    private static EntityReference checkShape(OrganizationRequest r) {
        switch (r) {
            case MergeRequest m -> {
                EntityReference target = Arguments.reference(r, "Target", m.target());
                Arguments.required(r, "SubordinateId", m.subordinateId());
                Arguments.required(r, "PerformParentingChecks", m.performParentingChecks());
                return target;
            }
            case ImportSolutionRequest i -> {
                Arguments.required(r, "CustomizationFile", i.customizationFile());
                return null;
            }
            case DeleteAndPromoteRequest d -> {
                if (d.uniqueName() == null || d.uniqueName().isBlank()) Arguments.required(r, "UniqueName", null);
                return null;
            }
            default -> throw new IllegalStateException(r.requestName());
        }
    }
}
