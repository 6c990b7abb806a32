package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.DeleteAndPromoteResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.SolutionPromoter;

/**
 * DeleteAndPromote: applies the upgrade a holding import staged (see {@link SolutionPromoter}) and answers the
 * SolutionId of the promoted solution. Requires prvImportCustomization.
 */
public final class DeleteAndPromoteHandler implements MessageHandler {
    @Override public String messageName() { return DeleteAndPromoteRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        String uniqueName = ((DeleteAndPromoteRequest) request).uniqueName();
        if (uniqueName == null || uniqueName.isBlank()) Arguments.required(request, "UniqueName", null);
        if (!ctx.user().has(Privilege.prvImportCustomization)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId() + ") is missing"
                    + " prvImportCustomization privilege: promoting solutions needs it.");
        }
        return new DeleteAndPromoteResponse().solutionId(SolutionPromoter.promote(ctx, uniqueName));
    }
}
