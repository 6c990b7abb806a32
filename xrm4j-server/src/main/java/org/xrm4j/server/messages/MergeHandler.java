package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.MergeResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Merges;

/**
 * Merge: the subordinate record merges into the Target (the master), synchronously, in the request's unit of work
 * (see {@link Merges} for the operation). Target, SubordinateId and PerformParentingChecks are required;
 * UpdateContent is optional, as the platform documents it. An empty Guid counts as missing, since it can name no
 * record.
 */
public final class MergeHandler implements MessageHandler {
    private static final UUID EMPTY = new UUID(0, 0);

    @Override public String messageName() { return MergeRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MergeRequest merge = (MergeRequest) request;
        EntityReference target = Arguments.reference(request, "Target", merge.target());
        UUID subordinateId = Arguments.required(request, "SubordinateId", merge.subordinateId());
        boolean parentingChecks = Arguments.required(request, "PerformParentingChecks", merge.performParentingChecks());
        if (EMPTY.equals(target.id())) throw empty("Target");
        if (EMPTY.equals(subordinateId)) throw empty("SubordinateId");
        Merges.merge(ctx, new Merges.Request(target, subordinateId, merge.updateContent(), parentingChecks));
        return new MergeResponse();
    }

    private static FaultException empty(String parameter) {
        return new FaultException(ErrorCodes.InvalidArgument, "Parameter '" + parameter + "' of Merge must name a record:"
                + " the empty Guid names none.");
    }
}
