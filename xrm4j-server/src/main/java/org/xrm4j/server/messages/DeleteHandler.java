package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.DeleteResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.engine.RowVersions;
import org.xrm4j.server.solutions.SolutionUninstaller;

/**
 * Delete: removes the record and applies the delete cascades of its relationships. Deleting a solution uninstalls a
 * managed one (see {@link SolutionUninstaller}). With ConcurrencyBehavior IfRowVersionMatches the Target's RowVersion
 * must be the record's current version.
 */
public final class DeleteHandler implements MessageHandler {
    @Override public String messageName() { return DeleteRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        DeleteRequest delete = (DeleteRequest) request;
        EntityReference target = Arguments.record(ctx, request, "Target", delete.target());
        RowVersions.check(ctx, ctx.metadata().entity(target.logicalName()), target.id(), delete.concurrencyBehavior(), target.rowVersion());
        if ("solution".equals(target.logicalName())) SolutionUninstaller.delete(ctx, target);
        else Records.delete(ctx, target);
        return new DeleteResponse();
    }
}
