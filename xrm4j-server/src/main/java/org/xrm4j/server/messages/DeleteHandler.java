package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.DeleteResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.solutions.SolutionUninstaller;

/**
 * Delete: removes the record and applies the delete cascades of its relationships. Deleting a solution uninstalls a
 * managed one (see {@link SolutionUninstaller}).
 */
public final class DeleteHandler implements MessageHandler {
    @Override public String messageName() { return DeleteRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        EntityReference target = Arguments.reference(request, "Target", ((DeleteRequest) request).target());
        if ("solution".equals(target.logicalName())) SolutionUninstaller.delete(ctx, target);
        else Records.delete(ctx, target);
        return new DeleteResponse();
    }
}
