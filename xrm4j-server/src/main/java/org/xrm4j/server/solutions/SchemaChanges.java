package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.store.DdlEngine;
import org.xrm4j.server.store.KeyViolations;
import org.xrm4j.server.store.SqlDialect;

/**
 * Applies an {@link ImportPlan} to the database: tables, columns, relationships and key indexes first, then the metadata rows
 * that describe them. On PostgreSQL all of it is one transaction, so a failure rolls everything back. H2 commits at
 * every DDL statement; there {@link #undo} drops what was created. Doing all DDL before any row is written keeps
 * the rows inside the final, still open transaction on both databases.
 */
final class SchemaChanges implements Undo {
    private final DdlEngine ddl;
    private final MetadataRepository repository;
    private final SqlDialect dialect;
    private final List<EntityMetadata> createdTables = new ArrayList<>();
    private final List<String> createdIntersects = new ArrayList<>();
    private final Map<EntityMetadata, List<AttributeMetadata>> addedColumns = new LinkedHashMap<>();
    /** Key indexes made on tables that existed before, by key. */
    private final Map<EntityKeyMetadata, EntityMetadata> createdKeys = new LinkedHashMap<>();

    SchemaChanges(SqlDialect dialect, String schema) {
        this.dialect = dialect;
        this.ddl = new DdlEngine(dialect, schema);
        this.repository = new MetadataRepository(dialect, schema);
    }

    /** How many steps {@link #apply} reports: one per table, per column added to or changed on an existing table, per relationship. */
    int steps(ImportPlan plan) {
        int columns = 0;
        for (List<AttributeMetadata> add : plan.addedColumns.values()) columns += add.size();
        for (List<AttributeMetadata> change : plan.changedColumns.values()) columns += change.size();
        int keys = 0;
        for (List<EntityKeyMetadata> k : plan.newKeys.values()) keys += k.size();
        return plan.newEntities.size() + columns + plan.newRelationships.size() + keys;
    }

    /** Creates everything the plan lists, calling {@code step} after each piece, and answers the organization's metadata with it. */
    OrganizationMetadata apply(Connection c, ImportPlan plan, OrganizationMetadata current, Runnable step) {
        Map<String, EntityMetadata> entities = new LinkedHashMap<>();
        for (EntityMetadata e : current.entities()) entities.put(e.logicalName(), e);
        List<EntityMetadata> changed = new ArrayList<>();
        java.util.Set<String> touched = new java.util.LinkedHashSet<>(plan.addedColumns.keySet());
        touched.addAll(plan.changedColumns.keySet());
        for (String name : touched) {
            EntityMetadata before = entities.get(name);
            List<AttributeMetadata> all = new ArrayList<>(before.attributes().values());
            all.addAll(plan.addedColumns.getOrDefault(name, List.of()));
            EntityMetadata after = before.withAttributes(ColumnChanges.replace(all, plan.changedColumns.getOrDefault(name, List.of())));
            entities.put(after.logicalName(), after);
            changed.add(after);
        }
        for (int i = 0; i < plan.newEntities.size(); i++) {
            // A new table gets its ObjectTypeCode now, so that it keeps the same one for as long as it exists.
            EntityMetadata e = plan.newEntities.get(i).withObjectTypeCode(org.xrm4j.server.metadata.ObjectTypeCodes.next(entities.values()));
            plan.newEntities.set(i, e);
            entities.put(e.logicalName(), e);
            changed.add(e);
        }
        Set<String> newTables = new HashSet<>();
        for (EntityMetadata e : plan.newEntities) newTables.add(e.logicalName());
        for (Map.Entry<String, List<EntityKeyMetadata>> k : plan.newKeys.entrySet()) {
            EntityMetadata before = entities.get(k.getKey());
            List<EntityKeyMetadata> all = new ArrayList<>(before.keys());
            all.addAll(k.getValue());
            EntityMetadata after = before.withKeys(all);
            entities.put(after.logicalName(), after);
            changed.remove(before);
            changed.add(after);
        }
        List<RelationshipMetadata> relationships = new ArrayList<>(current.relationships());
        relationships.addAll(plan.newRelationships);
        OrganizationMetadata next = new OrganizationMetadata(entities.values(), relationships, current.optionSets());

        for (EntityMetadata e : plan.newEntities) {
            ddl.createTable(c, e);
            createdTables.add(e);
            step.run();
        }
        for (Map.Entry<String, List<AttributeMetadata>> add : plan.addedColumns.entrySet()) {
            EntityMetadata e = current.entity(add.getKey());
            for (AttributeMetadata a : add.getValue()) {
                ddl.addColumn(c, e, a);
                addedColumns.computeIfAbsent(e, k -> new ArrayList<>()).add(a);
                step.run();
            }
        }
        for (Map.Entry<String, List<AttributeMetadata>> change : plan.changedColumns.entrySet()) {
            EntityMetadata e = current.entity(change.getKey());
            for (AttributeMetadata a : change.getValue()) {
                // Widening is not undone on H2 if the import fails later: a wider column holds every value the old one did.
                if (ColumnChanges.widens(e.attribute(a.logicalName()), a)) ddl.widenColumn(c, e, a);
                step.run();
            }
        }
        for (RelationshipMetadata r : plan.newRelationships) {
            ddl.createRelationship(c, next, r);
            if (r.kind() == RelationshipMetadata.Kind.ManyToMany) createdIntersects.add(r.intersectEntity());
            step.run();
        }
        for (Map.Entry<String, List<EntityKeyMetadata>> k : plan.newKeys.entrySet()) {
            EntityMetadata e = next.entity(k.getKey());
            for (EntityKeyMetadata key : k.getValue()) {
                List<Object> duplicate = newTables.contains(e.logicalName()) ? null : ddl.firstDuplicate(c, e, key);
                if (duplicate != null) throw KeyViolations.duplicate(key, duplicate);
                ddl.createKeyIndex(c, e, key);
                if (!newTables.contains(e.logicalName())) createdKeys.put(key, e);
                step.run();
            }
        }
        for (EntityMetadata e : changed) repository.saveEntity(c, e);
        for (RelationshipMetadata r : plan.newRelationships) repository.saveRelationship(c, r);
        return next;
    }

    /** Whether a failed import must be undone by hand (the database committed its DDL). */
    @Override public boolean needsUndo() { return "h2".equals(dialect.name()) && (!createdTables.isEmpty() || !addedColumns.isEmpty() || !createdIntersects.isEmpty()
            || !createdKeys.isEmpty()); }

    /**
     * Rolls back the open transaction, then drops what this import created, newest first. Best effort: a drop that
     * fails leaves the rest to be dropped and the original failure to be reported.
     */
    @Override public void undo(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the drops below still restore the schema
        }
        for (Map.Entry<EntityKeyMetadata, EntityMetadata> key : createdKeys.entrySet()) quietly(() -> ddl.dropKeyIndex(c, key.getValue(), key.getKey()));
        for (Map.Entry<EntityMetadata, List<AttributeMetadata>> add : addedColumns.entrySet()) {
            for (AttributeMetadata a : add.getValue().reversed()) quietly(() -> ddl.dropColumn(c, add.getKey(), a));
        }
        for (String intersect : createdIntersects.reversed()) {
            quietly(() -> ddl.dropTable(c, new EntityMetadata(intersect, null, null, intersect + "id", null, null, false, true, List.of())));
        }
        for (EntityMetadata e : createdTables.reversed()) quietly(() -> ddl.dropTable(c, e));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // keep undoing the rest
        }
    }
}
