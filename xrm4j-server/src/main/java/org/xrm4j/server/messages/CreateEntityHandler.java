package org.xrm4j.server.messages;

import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateEntityRequest;
import org.xrm4j.sdk.messages.CreateEntityResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityBuilder;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OwnershipType;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateEntity: a custom table with its primary key ({@code <name>id}), its primary name column (PrimaryAttribute,
 * a String), the columns and states every table has, and any further columns listed in the Entity's
 * {@code Attributes} collection, all in one unit of work: the table and every column, or nothing. User-owned unless
 * OwnershipType says OrganizationOwned. Needs prvCreateEntity.
 */
public final class CreateEntityHandler implements MessageHandler {
    @Override public String messageName() { return CreateEntityRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateEntityRequest r = (CreateEntityRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateEntity, "creating a table");
        Entity d = Arguments.required(request, "Entity", r.entity());
        Entity primary = Arguments.required(request, "PrimaryAttribute", r.primaryAttribute());
        String schema = MetadataDefinitions.schemaName(d, "table");
        String name = MetadataDefinitions.logicalName(d, "table");
        if (CustomizationChanges.current(ctx).hasEntity(name)) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "A table named " + name + " already exists. Choose another SchemaName.");
        }
        String setName = MetadataDefinitions.text(d, "EntitySetName") != null ? MetadataDefinitions.text(d, "EntitySetName") : name + "s";
        if (!setName.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The EntitySetName '" + setName + "' is not a plain name.");
        }
        if (CustomizationChanges.current(ctx).entityBySetName(setName) != null) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The entity set name " + setName + " is already used by another table.");
        }
        AttributeMetadata nameColumn = MetadataDefinitions.attribute(primary, null, true, CustomizationChanges.current(ctx));
        EntityBuilder b = EntityBuilder.entity(name).schemaName(schema).entitySetName(setName).custom(true)
                .ownership(ownership(MetadataDefinitions.text(d, "OwnershipType"))).activeInactive()
                .primaryName(nameColumn.logicalName(), nameColumn.maxLength());
        EntityMetadata built = b.build();
        List<AttributeMetadata> columns = new java.util.ArrayList<>(built.attributes().values());
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).logicalName().equals(nameColumn.logicalName())) columns.set(i, nameColumn);
        }
        if (d.get("Attributes") instanceof EntityCollection more) {
            for (Entity extra : more.entities()) {
                if (extra.get("IsPrimaryName") instanceof Boolean p && p) continue;
                AttributeMetadata a = MetadataDefinitions.attribute(extra, built.withAttributes(columns), false, CustomizationChanges.current(ctx));
                columns.add(a);
            }
        }
        EntityMetadata entity = built.withAttributes(columns).withLabels(new EntityMetadata.Labels(
                MetadataDefinitions.text(d, "DisplayName"), MetadataDefinitions.text(d, "DisplayCollectionName"), MetadataDefinitions.text(d, "Description")));
        CustomizationChanges.createEntity(ctx, entity, b.relationships());
        return new CreateEntityResponse().entityId(MetadataIds.entity(name))
                .attributeId(MetadataIds.attribute(name, nameColumn.logicalName()));
    }

    private static OwnershipType ownership(String value) {
        if (value == null || value.equals("UserOwned")) return OwnershipType.UserOwned;
        if (value.equals("OrganizationOwned")) return OwnershipType.OrganizationOwned;
        throw new FaultException(ErrorCodes.InvalidArgument, "The OwnershipType '" + value + "' is not one of UserOwned, OrganizationOwned.");
    }
}
