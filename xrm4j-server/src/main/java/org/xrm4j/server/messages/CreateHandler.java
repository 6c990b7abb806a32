package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;

/** Create: inserts the Target and answers its id. */
public final class CreateHandler implements MessageHandler {
    @Override public String messageName() { return CreateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateRequest create = (CreateRequest) request;
        return new CreateResponse().id(Records.create(ctx, Arguments.required(request, "Target", create.target())));
    }
}
