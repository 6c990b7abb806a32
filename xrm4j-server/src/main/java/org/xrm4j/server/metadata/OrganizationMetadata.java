package org.xrm4j.server.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * An immutable snapshot of one organization's tables and relationships. Readers take the current snapshot once per
 * request; a metadata change (a solution import) publishes a new one, so a request never sees half a change.
 */
public final class OrganizationMetadata {
    private final Map<String, EntityMetadata> entities;
    private final Map<String, RelationshipMetadata> relationships;
    private final Map<String, List<RelationshipMetadata>> oneToManyByReferenced;
    private final Map<String, OptionSetMetadata> optionSets;

    public OrganizationMetadata(Collection<EntityMetadata> entities, Collection<RelationshipMetadata> relationships) {
        this(entities, relationships, List.of());
    }

    public OrganizationMetadata(Collection<EntityMetadata> entities, Collection<RelationshipMetadata> relationships,
                                Collection<OptionSetMetadata> optionSets) {
        Map<String, EntityMetadata> e = new LinkedHashMap<>();
        for (EntityMetadata m : entities) e.put(m.logicalName(), m);
        Map<String, RelationshipMetadata> r = new LinkedHashMap<>();
        Map<String, List<RelationshipMetadata>> byReferenced = new LinkedHashMap<>();
        for (RelationshipMetadata m : relationships) {
            r.put(m.schemaName().toLowerCase(java.util.Locale.ROOT), m);
            if (m.kind() == RelationshipMetadata.Kind.OneToMany) {
                byReferenced.computeIfAbsent(m.referencedEntity(), k -> new ArrayList<>()).add(m);
            }
        }
        this.entities = Collections.unmodifiableMap(e);
        this.relationships = Collections.unmodifiableMap(r);
        this.oneToManyByReferenced = byReferenced;
        Map<String, OptionSetMetadata> o = new LinkedHashMap<>();
        for (OptionSetMetadata m : optionSets) o.put(m.name().toLowerCase(java.util.Locale.ROOT), m);
        this.optionSets = Collections.unmodifiableMap(o);
    }

    /** The same tables and relationships with other global option sets. */
    public OrganizationMetadata withOptionSets(Collection<OptionSetMetadata> newOptionSets) {
        return new OrganizationMetadata(entities(), relationships(), newOptionSets);
    }

    /** The global option sets defined on their own (CreateOptionSet). */
    public Collection<OptionSetMetadata> optionSets() { return optionSets.values(); }

    /** The global option set by name (case-insensitive), or {@code null}. */
    public OptionSetMetadata optionSet(String name) {
        return name == null ? null : optionSets.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public Collection<EntityMetadata> entities() { return entities.values(); }

    public Collection<RelationshipMetadata> relationships() { return relationships.values(); }

    public boolean hasEntity(String logicalName) { return entities.containsKey(logicalName); }

    /** The table, or the fault for a name the organization does not have. */
    public EntityMetadata entity(String logicalName) {
        EntityMetadata e = logicalName == null ? null : entities.get(logicalName);
        if (e == null) {
            throw new FaultException(ErrorCodes.QueryBuilderNoEntity,
                    "The entity with a name = '" + logicalName + "' was not found in the MetadataCache.");
        }
        return e;
    }

    public EntityMetadata entityBySetName(String setName) {
        for (EntityMetadata e : entities.values()) if (e.entitySetName().equals(setName)) return e;
        return null;
    }

    /**
     * A table a query may link to: an entity, or the intersect table of a many-to-many relationship, which has no
     * entity definition of its own but is queried like one (its key and its two record-id columns), as in Dataverse.
     */
    public EntityMetadata linkable(String name) {
        if (name != null && !entities.containsKey(name)) {
            for (RelationshipMetadata r : relationships.values()) {
                if (r.kind() == RelationshipMetadata.Kind.ManyToMany && name.equals(r.intersectEntity())) return intersect(r);
            }
        }
        return entity(name);
    }

    private static EntityMetadata intersect(RelationshipMetadata r) {
        List<AttributeMetadata> columns = new ArrayList<>();
        for (String c : List.of(r.intersectEntity() + "id", r.entity1IntersectAttribute(), r.entity2IntersectAttribute())) {
            columns.add(new AttributeMetadata(c, null, AttributeType.Uniqueidentifier, RequiredLevel.None, 0, null, null, 0,
                    List.of(), null, List.of(), false, false, false));
        }
        return new EntityMetadata(r.intersectEntity(), null, r.intersectEntity(), r.intersectEntity() + "id", null,
                OwnershipType.None, false, true, columns);
    }

    /** The relationship by schema name (case-insensitive, as Dataverse resolves it), or a fault. */
    public RelationshipMetadata relationship(String schemaName) {
        RelationshipMetadata r = relationships.get(schemaName.toLowerCase(java.util.Locale.ROOT));
        if (r == null) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist,
                    "Could not find a relationship with the name '" + schemaName + "'.");
        }
        return r;
    }

    /** One-to-many relationships whose referenced (parent) side is {@code entity}. */
    public List<RelationshipMetadata> oneToManyReferencing(String entity) {
        return oneToManyByReferenced.getOrDefault(entity, List.of());
    }
}
