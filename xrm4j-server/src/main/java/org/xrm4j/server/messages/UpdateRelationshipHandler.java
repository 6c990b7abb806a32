package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateRelationshipRequest;
import org.xrm4j.sdk.messages.UpdateRelationshipResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * UpdateRelationship: changes a one-to-many relationship's CascadeConfiguration (Delete, Merge; a new Delete
 * cascade re-creates the foreign key with its ON DELETE) and its navigation property names. The tables and the
 * lookup a relationship joins cannot change; a many-to-many relationship has nothing this server lets change, so
 * its definition may only be sent back as it is. Needs prvWriteRelationship.
 */
public final class UpdateRelationshipHandler implements MessageHandler {
    @Override public String messageName() { return UpdateRelationshipRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvWriteRelationship, "changing a relationship");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        Entity d = Arguments.required(request, "Relationship", ((UpdateRelationshipRequest) request).relationship());
        RelationshipMetadata r = metadata.relationship(Arguments.required(request, "Relationship.SchemaName", MetadataDefinitions.text(d, "SchemaName")));
        if (r.kind() == RelationshipMetadata.Kind.ManyToMany) {
            same(d, "Entity1LogicalName", r.entity1());
            same(d, "Entity2LogicalName", r.entity2());
            same(d, "IntersectEntityName", r.intersectEntity());
            RelationshipDefinitions.checkManyToManyNavigation(d, r.schemaName());
            return new UpdateRelationshipResponse();
        }
        same(d, "ReferencedEntity", r.referencedEntity());
        same(d, "ReferencingEntity", r.referencingEntity());
        same(d, "ReferencingAttribute", r.referencingAttribute());
        RelationshipDefinitions.checkOtherCascades(d);
        String many = RelationshipDefinitions.navigation(metadata, d, "ReferencedEntityNavigationPropertyName",
                r.referencedNavigation() != null ? r.referencedNavigation() : r.schemaName(), r.referencedEntity(), r.schemaName());
        String single = RelationshipDefinitions.navigation(metadata, d, "ReferencingEntityNavigationPropertyName", r.referencingNavigation(),
                r.referencingEntity(), r.schemaName());
        RelationshipMetadata changed = new RelationshipMetadata(r.schemaName(), r.kind(), r.referencedEntity(), r.referencedAttribute(),
                r.referencingEntity(), r.referencingAttribute(), many, single, RelationshipDefinitions.cascadeDelete(d, r.cascadeDelete()),
                RelationshipDefinitions.cascadeMerge(d, r.cascadeMerge()), null, null, null, null, null);
        if (!changed.equals(r)) CustomizationChanges.changeRelationship(ctx, changed);
        return new UpdateRelationshipResponse();
    }

    /** What makes the relationship (its tables and lookup) is fixed: sending it back unchanged is fine, another value is not. */
    private static void same(Entity d, String property, String current) {
        String given = MetadataDefinitions.text(d, property);
        if (given != null && !given.equalsIgnoreCase(current)) {
            throw new FaultException(ErrorCodes.NotSupported, "The " + property + " of a relationship cannot change (it is " + current
                    + ", not " + given + "); delete the relationship and create another.");
        }
    }
}
