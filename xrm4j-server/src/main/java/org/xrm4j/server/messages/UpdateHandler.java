package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.UpdateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;

/** Update: writes the Target's columns; a missing record is ObjectDoesNotExist. */
public final class UpdateHandler implements MessageHandler {
    @Override public String messageName() { return UpdateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        Records.update(ctx, Arguments.required(request, "Target", ((UpdateRequest) request).target()));
        return new UpdateResponse();
    }
}
