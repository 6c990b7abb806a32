package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.store.DdlEngine;

/**
 * Removes solution components from the organization, with their data, as the platform does when an upgrade drops
 * them or a managed solution is uninstalled: tables, columns, alternate keys (component type 14, named
 * {@code table.key}), and the relationships and keys of the tables and columns. Option sets live in
 * the columns that use them, so they go with those. Answers the metadata without the components; the caller
 * publishes it once the transaction commits. Callers run it last, after their own row changes, for the H2 reason
 * given in {@link #remove}.
 */
final class ComponentRemoval {
    private ComponentRemoval() {}

    /** How components are compared across solutions. */
    static String key(int type, String schemaName) { return type + ":" + schemaName.toLowerCase(Locale.ROOT); }

    static OrganizationMetadata remove(ExecutionContext ctx, OrganizationMetadata current, List<ImportPlan.Component> removed) {
        Organization org = ctx.organization();
        Set<String> tables = new HashSet<>();
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        Set<String> relationships = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (ImportPlan.Component c : removed) {
            String name = c.schemaName();
            switch (c.type()) {
                case 1 -> { if (current.hasEntity(name)) tables.add(name); }
                case 2 -> {
                    int dot = name.indexOf('.');
                    String table = dot < 0 ? null : name.substring(0, dot);
                    if (table != null && current.hasEntity(table) && current.entity(table).has(name.substring(dot + 1))) {
                        columns.computeIfAbsent(table, k -> new HashSet<>()).add(name.substring(dot + 1));
                    }
                }
                case 10 -> relationships.add(name.toLowerCase(Locale.ROOT));
                case 14 -> keys.add(name.toLowerCase(Locale.ROOT));
                default -> { }
            }
        }
        columns.keySet().removeAll(tables);
        List<RelationshipMetadata> keptRelationships = new ArrayList<>();
        List<RelationshipMetadata> droppedRelationships = new ArrayList<>();
        for (RelationshipMetadata r : current.relationships()) {
            boolean drop = relationships.contains(r.schemaName().toLowerCase(Locale.ROOT))
                    || tables.contains(r.referencingEntity()) || tables.contains(r.referencedEntity())
                    || tables.contains(r.entity1()) || tables.contains(r.entity2())
                    || (r.referencingEntity() != null && columns.getOrDefault(r.referencingEntity(), Set.of()).contains(r.referencingAttribute()));
            (drop ? droppedRelationships : keptRelationships).add(r);
        }
        List<EntityMetadata> entities = new ArrayList<>();
        List<EntityMetadata> changed = new ArrayList<>();
        Map<EntityMetadata, List<EntityKeyMetadata>> droppedKeys = new LinkedHashMap<>();
        for (EntityMetadata e : current.entities()) {
            if (tables.contains(e.logicalName())) continue;
            Set<String> drop = columns.getOrDefault(e.logicalName(), Set.of());
            // A key goes with any of its columns, or by itself (a key component an upgrade no longer holds).
            List<EntityKeyMetadata> keptKeys = new ArrayList<>();
            for (EntityKeyMetadata k : e.keys()) {
                boolean gone = keys.contains((e.logicalName() + "." + k.logicalName()).toLowerCase(Locale.ROOT))
                        || k.keyAttributes().stream().anyMatch(drop::contains);
                if (gone) droppedKeys.computeIfAbsent(e, x -> new ArrayList<>()).add(k);
                else keptKeys.add(k);
            }
            if (drop.isEmpty() && !droppedKeys.containsKey(e)) { entities.add(e); continue; }
            EntityMetadata after = e.withAttributes(e.attributes().values().stream().filter(a -> !drop.contains(a.logicalName())).toList())
                    .withKeys(keptKeys);
            entities.add(after);
            changed.add(after);
        }
        OrganizationMetadata next = new OrganizationMetadata(entities, keptRelationships, current.optionSets());

        Connection c = ctx.unitOfWork().connection();
        DdlEngine ddl = new DdlEngine(org.store().dialect(), org.schema());
        MetadataRepository repository = new MetadataRepository(org.store().dialect(), org.schema());
        // Every row is written before the first DROP: H2 commits at each DDL statement, so a drop that fails there
        // leaves at most a column or table no metadata names any more, never metadata naming a dropped column.
        for (RelationshipMetadata r : droppedRelationships) repository.deleteRelationship(c, r.schemaName());
        for (String table : tables) repository.deleteEntity(c, table);
        for (EntityMetadata e : changed) repository.saveEntity(c, e);
        for (RelationshipMetadata r : droppedRelationships) {
            if (r.kind() == RelationshipMetadata.Kind.ManyToMany) {
                ddl.dropTable(c, new EntityMetadata(r.intersectEntity(), null, null, r.intersectEntity() + "id", null, null, false, true, List.of()));
            }
        }
        for (Map.Entry<EntityMetadata, List<EntityKeyMetadata>> drop : droppedKeys.entrySet()) {
            for (EntityKeyMetadata k : drop.getValue()) ddl.dropKeyIndex(c, drop.getKey(), k);
        }
        for (Map.Entry<String, Set<String>> drop : columns.entrySet()) {
            EntityMetadata e = current.entity(drop.getKey());
            for (String column : drop.getValue()) ddl.dropColumn(c, e, e.attribute(column));
        }
        for (String table : tables) ddl.dropTable(c, current.entity(table));
        return next;
    }
}
