package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DisassociateRequest;
import org.xrm4j.sdk.messages.DisassociateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Relationships;

/** Disassociate: removes the links between the Target and each related record. */
public final class DisassociateHandler implements MessageHandler {
    @Override public String messageName() { return DisassociateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        DisassociateRequest r = (DisassociateRequest) request;
        Relationships.associate(ctx, Arguments.record(ctx, request, "Target", r.target()),
                Arguments.required(request, "Relationship", r.relationship()), r.relatedEntities(), false);
        return new DisassociateResponse();
    }
}
