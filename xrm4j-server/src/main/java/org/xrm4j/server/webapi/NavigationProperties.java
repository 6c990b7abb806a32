package org.xrm4j.server.webapi;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;

/**
 * A table's navigation properties, named as the CSDL names them ({@link CsdlWriter}): a single-valued one like its
 * lookup ({@code primarycontactid}, or {@code parentcustomerid_account} for a lookup with several targets), a
 * collection-valued one by the relationship ({@code contact_customer_accounts}), both ends of a many-to-many one by
 * its schema name.
 */
final class NavigationProperties {
    /**
     * One navigation property of {@code source}.
     *
     * @param lookup the lookup column that holds the link: on {@code source} for a single-valued property, on
     *               {@code target} for a one-to-many collection, {@code null} for a many-to-many one
     */
    record Navigation(String name, RelationshipMetadata relationship, boolean collection, EntityMetadata target, String lookup) {
        boolean manyToMany() { return relationship.kind() == RelationshipMetadata.Kind.ManyToMany; }
    }

    private NavigationProperties() {}

    /** The navigation property, or {@code null} when the table has none of that name. */
    static Navigation find(OrganizationMetadata metadata, EntityMetadata source, String name) {
        String table = source.logicalName();
        for (RelationshipMetadata r : metadata.relationships()) {
            if (r.kind() == RelationshipMetadata.Kind.OneToMany) {
                if (!metadata.hasEntity(r.referencedEntity()) || !metadata.hasEntity(r.referencingEntity())) continue;
                AttributeMetadata lookup = metadata.entity(r.referencingEntity()).attribute(r.referencingAttribute());
                if (lookup == null) continue;
                if (table.equals(r.referencingEntity())) {
                    String single = lookup.targets().size() > 1 ? lookup.logicalName() + "_" + r.referencedEntity() : r.referencingNavigation();
                    if (name.equals(single)) return new Navigation(name, r, false, metadata.entity(r.referencedEntity()), lookup.logicalName());
                }
                if (table.equals(r.referencedEntity())) {
                    String many = r.referencedNavigation() != null ? r.referencedNavigation() : r.schemaName();
                    if (name.equals(many)) return new Navigation(name, r, true, metadata.entity(r.referencingEntity()), lookup.logicalName());
                }
            } else if (name.equals(r.schemaName()) && metadata.hasEntity(r.entity1()) && metadata.hasEntity(r.entity2())) {
                if (table.equals(r.entity1())) return new Navigation(name, r, true, metadata.entity(r.entity2()), null);
                if (table.equals(r.entity2())) return new Navigation(name, r, true, metadata.entity(r.entity1()), null);
            }
        }
        return null;
    }

    /** The navigation property, or the fault Dataverse answers for an unknown one. */
    static Navigation require(OrganizationMetadata metadata, EntityMetadata source, String name) {
        Navigation n = find(metadata, source, name);
        if (n == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Could not find a property named '" + name + "' on type"
                    + " 'Microsoft.Dynamics.CRM." + source.logicalName() + "'.");
        }
        return n;
    }
}
