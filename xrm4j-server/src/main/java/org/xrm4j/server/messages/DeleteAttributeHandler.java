package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteAttributeRequest;
import org.xrm4j.sdk.messages.DeleteAttributeResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * DeleteAttribute: removes a custom column with its values (a lookup with its relationship). System columns, the
 * table's primary id and primary name, and a column an alternate key uses (delete the key first) cannot be
 * deleted. Needs prvDeleteAttribute.
 */
public final class DeleteAttributeHandler implements MessageHandler {
    @Override public String messageName() { return DeleteAttributeRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        DeleteAttributeRequest r = (DeleteAttributeRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvDeleteAttribute, "deleting a column");
        EntityMetadata table = CustomizationChanges.current(ctx).entity(Arguments.required(request, "EntityLogicalName", r.entityLogicalName()));
        AttributeMetadata a = table.requireAttribute(Arguments.required(request, "LogicalName", r.logicalName()));
        if (a.logicalName().equals(table.primaryIdAttribute()) || a.logicalName().equals(table.primaryNameAttribute())) {
            throw new FaultException(ErrorCodes.NotSupported, "The column " + a.logicalName() + " is the primary "
                    + (a.logicalName().equals(table.primaryIdAttribute()) ? "id" : "name") + " of " + table.logicalName()
                    + " and cannot be deleted.");
        }
        if (!a.custom()) {
            throw new FaultException(ErrorCodes.NotSupported, "The column " + a.logicalName() + " of " + table.logicalName()
                    + " is a system column and cannot be deleted; only custom columns can.");
        }
        for (EntityKeyMetadata k : table.keys()) {
            if (k.keyAttributes().contains(a.logicalName())) {
                throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The column " + a.logicalName() + " cannot be deleted"
                        + " because the key " + k.schemaNameOrLogical() + " of " + table.logicalName() + " uses it. Delete the key first.");
            }
        }
        if (a.type().isFile()) org.xrm4j.server.files.FileStore.removeColumn(ctx, table, a);
        CustomizationChanges.removeAttribute(ctx, table.logicalName(), a.logicalName());
        return new DeleteAttributeResponse();
    }
}
