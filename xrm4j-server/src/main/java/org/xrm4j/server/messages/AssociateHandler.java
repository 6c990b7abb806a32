package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.AssociateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Relationships;

/** Associate: links the Target with each related record through the relationship. */
public final class AssociateHandler implements MessageHandler {
    @Override public String messageName() { return AssociateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        AssociateRequest r = (AssociateRequest) request;
        Relationships.associate(ctx, Arguments.record(ctx, request, "Target", r.target()),
                Arguments.required(request, "Relationship", r.relationship()), r.relatedEntities(), true);
        return new AssociateResponse();
    }
}
