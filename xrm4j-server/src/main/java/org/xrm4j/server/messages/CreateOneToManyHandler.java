package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateOneToManyRequest;
import org.xrm4j.sdk.messages.CreateOneToManyResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateOneToMany: a one-to-many relationship and its lookup column on the referencing table, which points at the
 * referenced table's primary key (a foreign key with the Delete cascade's ON DELETE, and an index), in one unit of
 * work. This is how a lookup column comes to be: CreateAttribute refuses one. The referenced side's navigation
 * property defaults to the relationship's schema name, the referencing side's to the lookup's logical name. Needs
 * prvCreateRelationship.
 */
public final class CreateOneToManyHandler implements MessageHandler {
    @Override public String messageName() { return CreateOneToManyRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CreateOneToManyRequest r = (CreateOneToManyRequest) request;
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateRelationship, "creating a relationship");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        Entity d = Arguments.required(request, "OneToManyRelationship", r.oneToManyRelationship());
        Entity lookupDefinition = Arguments.required(request, "Lookup", r.lookup());
        String schema = RelationshipDefinitions.newSchemaName(metadata, d);
        EntityMetadata referenced = RelationshipDefinitions.table(metadata, d, "ReferencedEntity");
        EntityMetadata referencing = RelationshipDefinitions.table(metadata, d, "ReferencingEntity");
        String referencedAttribute = MetadataDefinitions.text(d, "ReferencedAttribute");
        if (referencedAttribute != null && !referencedAttribute.equalsIgnoreCase(referenced.primaryIdAttribute())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The ReferencedAttribute of a relationship is the primary key of "
                    + referenced.logicalName() + " (" + referenced.primaryIdAttribute() + "), not " + referencedAttribute + ".");
        }
        AttributeMetadata lookup = RelationshipDefinitions.lookup(lookupDefinition, referencing, referenced);
        String referencingAttribute = MetadataDefinitions.text(d, "ReferencingAttribute");
        if (referencingAttribute != null && !referencingAttribute.equalsIgnoreCase(lookup.logicalName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The ReferencingAttribute " + referencingAttribute
                    + " is not the Lookup's name " + lookup.logicalName() + ".");
        }
        RelationshipDefinitions.checkOtherCascades(d);
        String many = RelationshipDefinitions.navigation(metadata, d, "ReferencedEntityNavigationPropertyName", schema, referenced.logicalName(), null);
        String single = RelationshipDefinitions.navigation(metadata, d, "ReferencingEntityNavigationPropertyName", lookup.logicalName(),
                referencing.logicalName(), null);
        if (referenced.logicalName().equals(referencing.logicalName()) && many.equals(single)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A relationship of " + referenced.logicalName() + " with itself needs two"
                    + " different navigation property names, not " + many + " twice.");
        }
        RelationshipMetadata relationship = new RelationshipMetadata(schema, RelationshipMetadata.Kind.OneToMany, referenced.logicalName(),
                referenced.primaryIdAttribute(), referencing.logicalName(), lookup.logicalName(), many, single,
                RelationshipDefinitions.cascadeDelete(d, CascadeType.RemoveLink), RelationshipDefinitions.cascadeMerge(d, CascadeType.NoCascade),
                null, null, null, null, null);
        CustomizationChanges.createOneToMany(ctx, lookup, relationship);
        return new CreateOneToManyResponse().attributeId(MetadataIds.attribute(referencing.logicalName(), lookup.logicalName()))
                .relationshipId(MetadataIds.relationship(schema));
    }
}
