package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;

/**
 * The navigation properties of every table, named once for {@code $metadata}, {@code $expand}, navigation paths in
 * {@code $filter} and the {@code associatednavigationproperty} annotation, so that a name the CSDL publishes is the
 * name a query may use. A single-valued one is named like its lookup ({@code x_<table>} for a lookup with several
 * targets); a collection-valued one by its relationship. Names are unique per table: the first relationship to
 * claim a name keeps it.
 */
final class NavigationProperties {
    /**
     * One navigation property of {@code source}.
     *
     * @param name         its name on the source table
     * @param target       the table it leads to
     * @param collection   whether it leads to many records
     * @param partner      the name of the other end, or {@code null} (a self-referencing many-to-many)
     * @param relationship the relationship behind it
     * @param lookup       the lookup column: the source's for a single-valued one, the target's for a one-to-many
     *                     collection; {@code null} for a many-to-many
     */
    record Navigation(String name, String source, String target, boolean collection, String partner,
                      RelationshipMetadata relationship, String lookup) {
        boolean manyToMany() { return relationship.kind() == RelationshipMetadata.Kind.ManyToMany; }

        /** For a many-to-many: the intersect column that holds the source's id, and the one that holds the target's. */
        String intersectSourceColumn() {
            return source.equals(relationship.entity1()) ? relationship.entity1IntersectAttribute() : relationship.entity2IntersectAttribute();
        }

        String intersectTargetColumn() {
            return source.equals(relationship.entity1()) ? relationship.entity2IntersectAttribute() : relationship.entity1IntersectAttribute();
        }
    }

    /** By metadata snapshot: a snapshot never changes, so its navigation properties are named once. */
    private static final Map<OrganizationMetadata, NavigationProperties> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, List<Navigation>> byEntity = new LinkedHashMap<>();

    private NavigationProperties(OrganizationMetadata metadata) { collect(metadata); }

    static NavigationProperties of(OrganizationMetadata metadata) {
        return CACHE.computeIfAbsent(metadata, NavigationProperties::new);
    }

    /** The navigation properties of a table, in the order of its relationships. */
    List<Navigation> of(String entity) { return byEntity.getOrDefault(entity, List.of()); }

    /** The navigation property of that name (case-sensitive, as OData names are), or {@code null}. */
    Navigation find(String entity, String name) {
        for (Navigation n : of(entity)) if (n.name().equals(name)) return n;
        return null;
    }

    /** The single-valued navigation property a lookup's value follows to {@code target}, or {@code null}. */
    Navigation forLookup(String entity, String lookup, String target) {
        for (Navigation n : of(entity)) {
            if (!n.collection() && lookup.equals(n.lookup()) && n.target().equals(target)) return n;
        }
        return null;
    }

    private void collect(OrganizationMetadata metadata) {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (RelationshipMetadata r : metadata.relationships()) {
            if (r.kind() == RelationshipMetadata.Kind.OneToMany) {
                if (!metadata.hasEntity(r.referencedEntity()) || !metadata.hasEntity(r.referencingEntity())) continue;
                EntityMetadata referencing = metadata.entity(r.referencingEntity());
                AttributeMetadata lookup = referencing.attribute(r.referencingAttribute());
                if (lookup == null) continue;
                String single = lookup.targets().size() > 1 ? lookup.logicalName() + "_" + r.referencedEntity() : r.referencingNavigation();
                String many = r.referencedNavigation() != null ? r.referencedNavigation() : r.schemaName();
                if (!claim(used, r.referencingEntity(), single) || !claim(used, r.referencedEntity(), many)) continue;
                add(new Navigation(single, r.referencingEntity(), r.referencedEntity(), false, many, r, lookup.logicalName()));
                add(new Navigation(many, r.referencedEntity(), r.referencingEntity(), true, single, r, lookup.logicalName()));
            } else {
                if (!metadata.hasEntity(r.entity1()) || !metadata.hasEntity(r.entity2())) continue;
                boolean self = r.entity1().equals(r.entity2());
                if (!claim(used, r.entity1(), r.schemaName())) continue;
                if (!self && !claim(used, r.entity2(), r.schemaName())) continue;
                add(new Navigation(r.schemaName(), r.entity1(), r.entity2(), true, self ? null : r.schemaName(), r, null));
                if (!self) add(new Navigation(r.schemaName(), r.entity2(), r.entity1(), true, r.schemaName(), r, null));
            }
        }
    }

    private static boolean claim(Map<String, Set<String>> used, String entity, String name) {
        return name != null && used.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(name);
    }

    private void add(Navigation n) { byEntity.computeIfAbsent(n.source(), k -> new ArrayList<>()).add(n); }
}
