package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.DeleteResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;

/** Delete: removes the record and applies the delete cascades of its relationships. */
public final class DeleteHandler implements MessageHandler {
    @Override public String messageName() { return DeleteRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        Records.delete(ctx, Arguments.reference(request, "Target", ((DeleteRequest) request).target()));
        return new DeleteResponse();
    }
}
