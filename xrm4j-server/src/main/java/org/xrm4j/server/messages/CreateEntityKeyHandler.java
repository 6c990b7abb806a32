package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateEntityKeyRequest;
import org.xrm4j.sdk.messages.CreateEntityKeyResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateEntityKey: defines an alternate key of a table, system or custom, and builds its unique index at once, so
 * the key is Active when the call returns (the platform builds it in the background and may mark it Failed; here
 * rows that already share the key's values refuse the call instead). Needs prvCreateEntityKey. SolutionUniqueName is
 * accepted and not used: keys made by this message belong to no solution.
 */
public final class CreateEntityKeyHandler implements MessageHandler {
    @Override public String messageName() { return CreateEntityKeyRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateEntityKeyRequest r = (CreateEntityKeyRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateEntityKey, "defining an alternate key");
        EntityMetadata table = CustomizationChanges.current(ctx).entity(Arguments.required(request, "EntityName", r.entityName()));
        EntityKeyMetadata key = KeyDefinitions.key(Arguments.required(request, "EntityKey", r.entityKey()), table);
        CustomizationChanges.addKey(ctx, table.logicalName(), key);
        return new CreateEntityKeyResponse().entityKeyId(MetadataIds.key(table.logicalName(), key.logicalName()));
    }
}
