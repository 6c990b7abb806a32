package org.xrm4j.server.messages;

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
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * UpdateAttribute: changes a column's DisplayName, Description and RequiredLevel (None, Recommended,
 * ApplicationRequired; a SystemRequired column stays so), and lets a String or Memo column grow (MaxLength; the
 * database column is widened as a solution upgrade widens it). A change of type, or a shrinking length, faults
 * rather than being half applied. The column is then customized: a later managed import keeps these changes unless
 * told to overwrite unmanaged customizations. Needs prvWriteAttribute.
 */
public final class UpdateAttributeHandler implements MessageHandler {
    @Override public String messageName() { return UpdateAttributeRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UpdateAttributeRequest r = (UpdateAttributeRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvWriteAttribute, "changing a column");
        EntityMetadata e = CustomizationChanges.current(ctx).entity(Arguments.required(request, "EntityName", r.entityName()));
        Entity d = Arguments.required(request, "Attribute", r.attribute());
        AttributeMetadata a = e.requireAttribute(Arguments.required(request, "Attribute.LogicalName", MetadataDefinitions.text(d, "LogicalName")));
        String type = MetadataDefinitions.text(d, "AttributeType");
        if (type != null && !type.equals(a.type().name())) {
            throw new FaultException(ErrorCodes.NotSupported, "The type of the column " + a.logicalName() + " is " + a.type()
                    + "; UpdateAttribute cannot make it " + type + ".");
        }
        int maxLength = a.maxLength();
        if (d.get("MaxLength") instanceof Integer length && length != a.maxLength()) {
            int limit = a.type() == AttributeType.String ? 4000 : a.type() == AttributeType.Memo ? 1048576 : 0;
            if (length < a.maxLength() || length > limit) {
                throw new FaultException(ErrorCodes.NotSupported, "The MaxLength of the column " + a.logicalName() + " is " + a.maxLength()
                        + (limit == 0 ? "; a " + a.type() + " column has no length to change." : "; it can grow up to " + limit
                        + " but never shrink, since stored values could no longer fit."));
            }
            maxLength = length;
        }
        RequiredLevel level = a.requiredLevel() == RequiredLevel.SystemRequired ? a.requiredLevel() : MetadataDefinitions.level(d, a.requiredLevel());
        AttributeMetadata changed = new AttributeMetadata(a.logicalName(), a.schemaName(), a.type(), level, maxLength, a.minValue(),
                a.maxValue(), a.precision(), a.targets(), a.optionSetName(), a.options(), a.validForCreate(), a.validForUpdate(),
                a.custom(), a.customized(), a.displayName(), a.description()).withLabels(
                UpdateEntityHandler.or(MetadataDefinitions.text(d, "DisplayName"), a.displayName()),
                UpdateEntityHandler.or(MetadataDefinitions.text(d, "Description"), a.description()))
                // An unmanaged change: a later managed import keeps it unless told to overwrite customizations.
                .withCustomized(true);
        CustomizationChanges.changeAttribute(ctx, e.logicalName(), changed);
        return new UpdateAttributeResponse();
    }
}
