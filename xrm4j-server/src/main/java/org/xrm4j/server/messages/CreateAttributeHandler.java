package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateAttributeResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateAttribute: adds a custom column to a table, system or custom. A lookup column is refused, as on the platform:
 * it comes with its relationship (CreateOneToMany). Needs prvCreateAttribute.
 */
public final class CreateAttributeHandler implements MessageHandler {
    @Override public String messageName() { return CreateAttributeRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateAttributeRequest r = (CreateAttributeRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateAttribute, "adding a column");
        org.xrm4j.server.metadata.OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        EntityMetadata table = metadata.entity(Arguments.required(request, "EntityName", r.entityName()));
        AttributeMetadata a = MetadataDefinitions.attribute(Arguments.required(request, "Attribute", r.attribute()), table, false, metadata);
        CustomizationChanges.addAttribute(ctx, table.logicalName(), a);
        return new CreateAttributeResponse().attributeId(MetadataIds.attribute(table.logicalName(), a.logicalName()));
    }
}
