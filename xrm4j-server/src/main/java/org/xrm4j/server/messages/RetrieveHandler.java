package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;

/** Retrieve: one record's requested columns; a missing record is ObjectDoesNotExist. */
public final class RetrieveHandler implements MessageHandler {
    @Override public String messageName() { return RetrieveRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        RetrieveRequest retrieve = (RetrieveRequest) request;
        EntityReference target = Arguments.record(ctx, request, "Target", retrieve.target());
        ColumnSet columns = Arguments.required(request, "ColumnSet", retrieve.columnSet());
        return new RetrieveResponse().entity(Records.retrieve(ctx, ctx.metadata().entity(target.logicalName()), target.id(), columns));
    }
}
