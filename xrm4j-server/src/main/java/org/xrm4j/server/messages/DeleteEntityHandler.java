package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteEntityRequest;
import org.xrm4j.sdk.messages.DeleteEntityResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * DeleteEntity: removes a custom table with its rows, columns, keys and its own relationships. The built-in tables
 * cannot be deleted, nor a table another table depends on: a lookup of another table pointing at it, or a
 * many-to-many relationship with another table (delete those first, as on the platform). Needs prvDeleteEntity.
 */
public final class DeleteEntityHandler implements MessageHandler {
    @Override public String messageName() { return DeleteEntityRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvDeleteEntity, "deleting a table");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        EntityMetadata table = metadata.entity(Arguments.required(request, "LogicalName", ((DeleteEntityRequest) request).logicalName()));
        if (!table.custom()) {
            throw new FaultException(ErrorCodes.NotSupported, "The table " + table.logicalName() + " is a system table and cannot be deleted;"
                    + " only custom tables can.");
        }
        List<String> dependents = new ArrayList<>();
        for (RelationshipMetadata r : metadata.relationships()) {
            String other = r.kind() == RelationshipMetadata.Kind.ManyToMany
                    ? (table.logicalName().equals(r.entity1()) ? r.entity2() : table.logicalName().equals(r.entity2()) ? r.entity1() : null)
                    : (table.logicalName().equals(r.referencedEntity()) ? r.referencingEntity() : null);
            if (other != null && !other.equals(table.logicalName())) dependents.add(r.schemaName() + " (" + other + ")");
        }
        if (!dependents.isEmpty()) {
            throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The table " + table.logicalName() + " cannot be deleted"
                    + " because other tables depend on it through the relationships " + String.join(", ", dependents)
                    + ". Delete those lookup columns or relationships first.");
        }
        org.xrm4j.server.files.FileStore.removeTable(ctx, table);
        CustomizationChanges.removeEntity(ctx, table.logicalName());
        return new DeleteEntityResponse();
    }
}
