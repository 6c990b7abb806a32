package org.xrm4j.server.metadata;

import java.util.Objects;

/**
 * A relationship. OneToMany: {@code referencingEntity.referencingAttribute} points at
 * {@code referencedEntity.referencedAttribute} (its primary key). ManyToMany: {@code intersectEntity} holds one row
 * per pair, with columns {@code entity1IntersectAttribute} and {@code entity2IntersectAttribute}.
 */
public record RelationshipMetadata(
        String schemaName,
        Kind kind,
        String referencedEntity,
        String referencedAttribute,
        String referencingEntity,
        String referencingAttribute,
        String referencedNavigation,
        String referencingNavigation,
        CascadeType cascadeDelete,
        CascadeType cascadeMerge,
        String entity1,
        String entity1IntersectAttribute,
        String entity2,
        String entity2IntersectAttribute,
        String intersectEntity) {

    public enum Kind { OneToMany, ManyToMany }

    public RelationshipMetadata {
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(kind, "kind");
    }

    public static RelationshipMetadata oneToMany(String schemaName, String referencedEntity, String referencedAttribute,
                                                 String referencingEntity, String referencingAttribute,
                                                 CascadeType cascadeDelete) {
        return new RelationshipMetadata(schemaName, Kind.OneToMany, referencedEntity, referencedAttribute,
                referencingEntity, referencingAttribute, schemaName, referencingAttribute, cascadeDelete,
                CascadeType.Cascade, null, null, null, null, null);
    }

    public static RelationshipMetadata manyToMany(String schemaName, String entity1, String entity1Attribute,
                                                  String entity2, String entity2Attribute, String intersectEntity) {
        return new RelationshipMetadata(schemaName, Kind.ManyToMany, null, null, null, null, null, null,
                CascadeType.Cascade, CascadeType.NoCascade, entity1, entity1Attribute, entity2, entity2Attribute,
                intersectEntity);
    }
}
