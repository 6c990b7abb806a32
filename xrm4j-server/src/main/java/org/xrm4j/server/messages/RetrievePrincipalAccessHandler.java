package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessRequest;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * RetrievePrincipalAccess: the rights an enabled user holds on an existing record. Both roles xrm4j has grant every
 * record right at organization depth (no record-level sharing exists), so every enabled user holds them all; the
 * answer names them as the platform's AccessRights flags print.
 */
public final class RetrievePrincipalAccessHandler implements MessageHandler {
    static final String ALL_RIGHTS = "ReadAccess, WriteAccess, AppendAccess, AppendToAccess, CreateAccess, DeleteAccess,"
            + " ShareAccess, AssignAccess";

    @Override public String messageName() { return RetrievePrincipalAccessRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        RetrievePrincipalAccessRequest r = (RetrievePrincipalAccessRequest) request;
        EntityReference principal = Arguments.required(request, "Principal", r.principal());
        EntityReference target = Arguments.required(request, "Target", r.target());
        if (!"systemuser".equals(principal.logicalName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Principal must be a systemuser, not " + principal.logicalName() + ".");
        }
        boolean enabled = ctx.organization().users().find(principal.id()).map(u -> !u.disabled()).orElse(false);
        if (!enabled) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "systemuser With Id = " + principal.id() + " Does Not Exist"
                    + " or is disabled.");
        }
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        if (!Records.exists(ctx, e, target.id())) throw Records.notFound(e, target.id());
        return new RetrievePrincipalAccessResponse().accessRights(ALL_RIGHTS);
    }
}
