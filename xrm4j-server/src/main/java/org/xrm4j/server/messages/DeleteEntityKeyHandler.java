package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteEntityKeyRequest;
import org.xrm4j.sdk.messages.DeleteEntityKeyResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/** DeleteEntityKey: removes an alternate key and its unique index; the rows stay. Needs prvDeleteEntityKey. */
public final class DeleteEntityKeyHandler implements MessageHandler {
    @Override public String messageName() { return DeleteEntityKeyRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        DeleteEntityKeyRequest r = (DeleteEntityKeyRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvDeleteEntityKey, "deleting an alternate key");
        EntityMetadata table = CustomizationChanges.current(ctx).entity(Arguments.required(request, "EntityLogicalName", r.entityLogicalName()));
        CustomizationChanges.removeKey(ctx, table.logicalName(), KeyDefinitions.require(table, Arguments.required(request, "Name", r.name()), null));
        return new DeleteEntityKeyResponse();
    }
}
