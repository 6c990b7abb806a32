package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveEntityKeyRequest;
import org.xrm4j.sdk.messages.RetrieveEntityKeyResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.solutions.CustomizationChanges;

/** RetrieveEntityKey: one alternate key of a table, by LogicalName or MetadataId. Any caller may read metadata. */
public final class RetrieveEntityKeyHandler implements MessageHandler {
    @Override public String messageName() { return RetrieveEntityKeyRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        RetrieveEntityKeyRequest r = (RetrieveEntityKeyRequest) request;
        EntityMetadata table = CustomizationChanges.current(ctx).entity(Arguments.required(request, "EntityLogicalName", r.entityLogicalName()));
        if (r.logicalName() == null && r.metadataId() == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "RetrieveEntityKey needs the key's LogicalName or its MetadataId.");
        }
        return new RetrieveEntityKeyResponse().entityKeyMetadata(KeyDefinitions.entity(table,
                KeyDefinitions.require(table, r.logicalName(), r.metadataId())));
    }
}
