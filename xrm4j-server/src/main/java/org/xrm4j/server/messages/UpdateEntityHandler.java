package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateEntityRequest;
import org.xrm4j.sdk.messages.UpdateEntityResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * UpdateEntity: changes a table's DisplayName, DisplayCollectionName and Description (one language, so MergeLabels
 * changes nothing). A label left out keeps its value; other properties are structural and are not changed by this
 * message. Needs prvWriteEntity.
 */
public final class UpdateEntityHandler implements MessageHandler {
    @Override public String messageName() { return UpdateEntityRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvWriteEntity, "changing a table");
        Entity d = Arguments.required(request, "Entity", ((UpdateEntityRequest) request).entity());
        EntityMetadata e = CustomizationChanges.current(ctx).entity(Arguments.required(request, "Entity.LogicalName", MetadataDefinitions.text(d, "LogicalName")));
        CustomizationChanges.changeDefinition(ctx, e.logicalName(), table -> {
            EntityMetadata.Labels old = table.labels();
            return table.withLabels(new EntityMetadata.Labels(
                    or(MetadataDefinitions.text(d, "DisplayName"), old.displayName()),
                    or(MetadataDefinitions.text(d, "DisplayCollectionName"), old.displayCollectionName()),
                    or(MetadataDefinitions.text(d, "Description"), old.description())));
        });
        return new UpdateEntityResponse();
    }

    static String or(String value, String fallback) { return value != null ? value : fallback; }
}
