package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;

/**
 * ExecuteTransaction: every request in the one unit of work the pipeline opened, in order. The first fault rolls
 * everything back and comes back as an ExecuteTransactionFault carrying the failing request's index and code.
 */
public final class ExecuteTransactionHandler implements MessageHandler {
    private final Pipeline pipeline;

    public ExecuteTransactionHandler(Pipeline pipeline) { this.pipeline = pipeline; }

    @Override public String messageName() { return ExecuteTransactionRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        ExecuteTransactionRequest et = (ExecuteTransactionRequest) request;
        List<OrganizationRequest> requests = Arguments.required(request, "Requests", et.requests());
        Batches.checkSize(requests, pipeline.settings().batchSize());
        boolean returnResponses = Boolean.TRUE.equals(et.returnResponses());
        List<OrganizationResponse> responses = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            OrganizationRequest item = requests.get(i);
            try {
                if (item == null) throw new FaultException(ErrorCodes.InvalidArgument, "A request of the transaction is null.");
                if (item.requestName().equals(ExecuteMultipleRequest.NAME) || item.requestName().equals(ExecuteTransactionRequest.NAME)) {
                    throw new FaultException(ErrorCodes.NotSupported, "ExecuteTransaction cannot contain " + item.requestName() + ".");
                }
                OrganizationResponse response = pipeline.execute(ctx.forItemInTransaction(), item);
                if (returnResponses) responses.add(response);
            } catch (FaultException e) {
                OrganizationServiceFault f = e.fault();
                throw new FaultException(ExecuteTransactionFault.of(f, i));
            }
        }
        return new ExecuteTransactionResponse().responses(responses);
    }
}
