package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.UpdateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.engine.RowVersions;

/**
 * Update: writes the Target's columns; a missing record is ObjectDoesNotExist. With ConcurrencyBehavior
 * IfRowVersionMatches the write needs the Target's RowVersion to be the record's current version.
 */
public final class UpdateHandler implements MessageHandler {
    @Override public String messageName() { return UpdateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UpdateRequest update = (UpdateRequest) request;
        Entity target = Arguments.record(ctx, request, "Target", update.target());
        if (target.id() != null) {
            RowVersions.check(ctx, ctx.metadata().entity(target.logicalName()), target.id(), update.concurrencyBehavior(), target.rowVersion());
        }
        Records.update(ctx, target);
        return new UpdateResponse();
    }
}
