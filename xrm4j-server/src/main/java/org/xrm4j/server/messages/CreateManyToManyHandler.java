package org.xrm4j.server.messages;

import java.util.Locale;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateManyToManyRequest;
import org.xrm4j.sdk.messages.CreateManyToManyResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateManyToMany: a many-to-many relationship between two tables (or a table and itself) and its intersect table,
 * which holds one row per associated pair: its columns are the two tables' primary keys ({@code <key>one} and
 * {@code <key>two} for a table related to itself), as a solution import makes them. The intersect table is named by
 * IntersectEntitySchemaName, else the relationship's IntersectEntityName, else its schema name. Both navigation
 * properties are named by the schema name. Needs prvCreateRelationship.
 */
public final class CreateManyToManyHandler implements MessageHandler {
    @Override public String messageName() { return CreateManyToManyRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateManyToManyRequest r = (CreateManyToManyRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateRelationship, "creating a relationship");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        Entity d = Arguments.required(request, "ManyToManyRelationship", r.manyToManyRelationship());
        String schema = RelationshipDefinitions.newSchemaName(metadata, d);
        EntityMetadata e1 = RelationshipDefinitions.table(metadata, d, "Entity1LogicalName");
        EntityMetadata e2 = RelationshipDefinitions.table(metadata, d, "Entity2LogicalName");
        RelationshipDefinitions.checkManyToManyNavigation(d, schema);
        for (EntityMetadata e : e1 == e2 ? java.util.List.of(e1) : java.util.List.of(e1, e2)) {
            if (RelationshipDefinitions.navigationNames(metadata, e.logicalName(), null).contains(schema)) {
                throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The table " + e.logicalName() + " already has a navigation property named "
                        + schema + ". Choose another SchemaName.");
            }
        }
        String intersect = intersectName(r, d, schema);
        if (metadata.hasEntity(intersect) || metadata.relationships().stream().anyMatch(x -> intersect.equals(x.intersectEntity()))) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "A table named " + intersect + " already exists. Choose another IntersectEntityName.");
        }
        boolean self = e1.logicalName().equals(e2.logicalName());
        String a1 = self ? e1.primaryIdAttribute() + "one" : e1.primaryIdAttribute();
        String a2 = self ? e2.primaryIdAttribute() + "two" : e2.primaryIdAttribute();
        CustomizationChanges.createManyToMany(ctx, RelationshipMetadata.manyToMany(schema, e1.logicalName(), a1, e2.logicalName(), a2, intersect));
        return new CreateManyToManyResponse().manyToManyRelationshipId(MetadataIds.relationship(schema));
    }

    private static String intersectName(CreateManyToManyRequest r, Entity d, String schema) {
        String given = r.intersectEntitySchemaName() != null ? r.intersectEntitySchemaName() : MetadataDefinitions.text(d, "IntersectEntityName");
        String name = (given != null ? given : schema).toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9]{0,7}_[a-z0-9_]{1,42}")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The intersect table name '" + name + "' is not valid: use a customization"
                    + " prefix, an underscore and letters, digits or underscores (new_bank_contact), at most 50 characters.");
        }
        return name;
    }
}
