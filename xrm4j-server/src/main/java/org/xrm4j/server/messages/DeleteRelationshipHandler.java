package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteRelationshipRequest;
import org.xrm4j.sdk.messages.DeleteRelationshipResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * DeleteRelationship: removes a custom relationship by schema name. A one-to-many one goes with its lookup column
 * and the column's values (as DeleteAttribute of the lookup does); a many-to-many one with its intersect table and
 * the associations it holds. The platform's own relationships cannot be deleted, nor a lookup an alternate key
 * uses. Needs prvDeleteRelationship.
 */
public final class DeleteRelationshipHandler implements MessageHandler {
    @Override public String messageName() { return DeleteRelationshipRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvDeleteRelationship, "deleting a relationship");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        RelationshipMetadata r = metadata.relationship(Arguments.required(request, "Name", ((DeleteRelationshipRequest) request).name()));
        if (!RelationshipDefinitions.custom(metadata, r)) {
            throw new FaultException(ErrorCodes.NotSupported, "The relationship " + r.schemaName() + " is a system relationship and cannot be"
                    + " deleted; only custom relationships can.");
        }
        if (r.kind() == RelationshipMetadata.Kind.OneToMany) {
            EntityMetadata referencing = metadata.entity(r.referencingEntity());
            for (EntityKeyMetadata k : referencing.keys()) {
                if (k.keyAttributes().contains(r.referencingAttribute())) {
                    throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The relationship " + r.schemaName() + " cannot be deleted"
                            + " because the key " + k.schemaNameOrLogical() + " of " + referencing.logicalName() + " uses its lookup "
                            + r.referencingAttribute() + ". Delete the key first.");
                }
            }
            long others = metadata.relationships().stream().filter(x -> x != r && x.kind() == RelationshipMetadata.Kind.OneToMany
                    && r.referencingEntity().equals(x.referencingEntity()) && r.referencingAttribute().equals(x.referencingAttribute())).count();
            if (others > 0) {
                throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The lookup " + r.referencingAttribute() + " of "
                        + r.referencingEntity() + " also serves other relationships; delete the column with DeleteAttribute instead.");
            }
        }
        CustomizationChanges.removeRelationship(ctx, r);
        return new DeleteRelationshipResponse();
    }
}
