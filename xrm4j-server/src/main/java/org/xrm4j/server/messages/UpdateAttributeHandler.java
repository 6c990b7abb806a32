package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateAttributeRequest;
import org.xrm4j.sdk.messages.UpdateAttributeResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * UpdateAttribute: changes a column's DisplayName, Description and RequiredLevel (None, Recommended,
 * ApplicationRequired; a SystemRequired column stays so). The column's type and size are its table's structure: a
 * request that would change them faults rather than being half applied. Needs prvWriteAttribute.
 */
public final class UpdateAttributeHandler implements MessageHandler {
    @Override public String messageName() { return UpdateAttributeRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UpdateAttributeRequest r = (UpdateAttributeRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvWriteAttribute, "changing a column");
        EntityMetadata e = ctx.metadata().entity(Arguments.required(request, "EntityName", r.entityName()));
        Entity d = Arguments.required(request, "Attribute", r.attribute());
        AttributeMetadata a = e.requireAttribute(Arguments.required(request, "Attribute.LogicalName", MetadataDefinitions.text(d, "LogicalName")));
        String type = MetadataDefinitions.text(d, "AttributeType");
        if (type != null && !type.equals(a.type().name())) {
            throw new FaultException(ErrorCodes.NotSupported, "The type of the column " + a.logicalName() + " is " + a.type()
                    + "; UpdateAttribute cannot make it " + type + ".");
        }
        if (d.get("MaxLength") instanceof Integer length && length != a.maxLength()) {
            throw new FaultException(ErrorCodes.NotSupported, "The MaxLength of the column " + a.logicalName() + " is " + a.maxLength()
                    + "; this server does not resize columns.");
        }
        RequiredLevel level = a.requiredLevel() == RequiredLevel.SystemRequired ? a.requiredLevel() : MetadataDefinitions.level(d, a.requiredLevel());
        AttributeMetadata changed = a.withRequiredLevel(level).withLabels(
                UpdateEntityHandler.or(MetadataDefinitions.text(d, "DisplayName"), a.displayName()),
                UpdateEntityHandler.or(MetadataDefinitions.text(d, "Description"), a.description()));
        List<AttributeMetadata> columns = new ArrayList<>(e.attributes().values());
        columns.replaceAll(c -> c.logicalName().equals(a.logicalName()) ? changed : c);
        CustomizationChanges.replaceDefinition(ctx, e.withAttributes(columns));
        return new UpdateAttributeResponse();
    }
}
