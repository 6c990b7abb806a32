package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.ObjectTypeCodes;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.solutions.Customizations.Attribute;
import org.xrm4j.server.solutions.Customizations.Entity;
import org.xrm4j.server.solutions.Customizations.Relationship;

/**
 * Decides what a solution does to an organization: new tables, new columns on existing tables, relationships and
 * the components to register. A column that exists already takes the file's definition where that is safe (a longer
 * maximum length, new or relabelled options, required level, bounds, precision); its type never changes and option
 * values in use are never dropped. A re-import of the same file changes nothing but the solution row.
 *
 * <p>Layers, as far as columns go: an unmanaged import that changes a column some managed solution installed marks
 * it customized; a later managed import leaves a customized column as it is unless OverwriteUnmanagedCustomizations
 * is set, which applies the managed definition and clears the mark.
 */
final class ImportPlanner {
    /** Names become quoted SQL identifiers; anything outside this shape is refused rather than escaped. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,59}");

    /** How the import runs: its kind, its overwrite choice, and the columns managed solutions installed ("table.column"). */
    record Rules(boolean managed, boolean overwriteUnmanagedCustomizations, java.util.Set<String> managedColumns) {
        static final Rules PLAIN = new Rules(false, false, java.util.Set.of());
    }

    private final Customizations file;
    private final OrganizationMetadata current;
    private final Rules rules;
    private final ImportPlan plan = new ImportPlan();
    private final Map<String, List<OptionMetadata>> globalSets = new LinkedHashMap<>();
    private final Map<String, List<OptionMetadata>> existingSets = new HashMap<>();
    private final Map<String, List<String>> lookupTargets = new HashMap<>();
    private final Map<String, Entity> newEntityNames = new LinkedHashMap<>();

    private ImportPlanner(Customizations file, OrganizationMetadata current, Rules rules) {
        this.file = file;
        this.current = current;
        this.rules = rules;
    }

    static ImportPlan plan(Customizations file, OrganizationMetadata current) { return plan(file, current, Rules.PLAIN); }

    static ImportPlan plan(Customizations file, OrganizationMetadata current, Rules rules) {
        return new ImportPlanner(file, current, rules).build();
    }

    private ImportPlan build() {
        for (Customizations.OptionSet s : file.optionSets()) {
            globalSets.put(s.name(), s.options());
            plan.component(9, s.name());
            plan.log("optionSet", s.name(), "success", null);
        }
        for (EntityMetadata e : current.entities()) {
            for (AttributeMetadata a : e.attributes().values()) {
                if (a.optionSetName() != null && !a.options().isEmpty()) existingSets.putIfAbsent(a.optionSetName(), a.options());
            }
        }
        for (Relationship r : file.relationships()) {
            if (r.oneToMany() && r.referencingEntity() != null && r.referencedEntity() != null) {
                lookupTargets.computeIfAbsent(r.referencingEntity() + "." + r.referencingAttribute(), k -> new ArrayList<>())
                        .add(r.referencedEntity());
            }
        }
        for (Entity e : file.entities()) {
            if (!e.unmodified() && !current.hasEntity(e.logicalName())) newEntityNames.put(checked(e.logicalName()), e);
        }
        for (Entity e : file.entities()) {
            if (e.unmodified()) continue;
            if (newEntityNames.containsKey(e.logicalName())) newEntity(e); else extend(e);
        }
        for (Relationship r : file.relationships()) if (!r.oneToMany()) manyToMany(r);
        for (Entity e : file.entities()) if (!e.unmodified()) keys(e);
        registerExisting();
        for (Customizations.Skipped s : file.skipped()) {
            plan.log("component", s.kind() + " " + s.name(), "warning", "xrm4j does not install " + s.kind() + " components; it was skipped.");
        }
        return plan;
    }

    /**
     * The file's alternate keys of a table: a key the table has already stays (and stays a component of the
     * solution); a new one is defined over columns the table has or gets from this file.
     */
    private void keys(Entity e) {
        if (e.keys().isEmpty()) return;
        EntityMetadata table = plannedTable(e.logicalName());
        Set<String> names = new java.util.HashSet<>();
        for (org.xrm4j.server.metadata.EntityKeyMetadata k : table.keys()) names.add(k.logicalName());
        for (Customizations.Key k : e.keys()) {
            String name = checked(k.logicalName());
            plan.component(14, e.logicalName() + "." + name);
            if (names.contains(name)) continue;
            if (k.attributes().isEmpty()) throw SolutionFiles.invalid("the key " + name + " of " + e.logicalName() + " names no KeyAttribute.");
            for (String column : k.attributes()) {
                boolean added = plan.addedColumns.getOrDefault(e.logicalName(), List.of()).stream().anyMatch(a -> a.logicalName().equals(column));
                if (!table.has(column) && !added) {
                    throw SolutionFiles.invalid("the key " + name + " of " + e.logicalName() + " names the column " + column + ", which the table does not have.");
                }
            }
            names.add(name);
            plan.newKeys.computeIfAbsent(e.logicalName(), x -> new ArrayList<>())
                    .add(new org.xrm4j.server.metadata.EntityKeyMetadata(name, k.attributes(), k.schemaName(), k.displayName()));
            plan.log("entityKey", e.logicalName() + "." + name, "success", null);
        }
    }

    /** The table as this import finds or creates it (without the columns it adds to an existing one). */
    private EntityMetadata plannedTable(String name) {
        for (EntityMetadata n : plan.newEntities) if (n.logicalName().equals(name)) return n;
        return current.entity(name);
    }

    private void newEntity(Entity e) {
        NewEntityBuilder b = new NewEntityBuilder(e);
        for (Attribute a : e.attributes()) {
            if (b.builtIn(a)) continue;
            AttributeMetadata column = column(e, a);
            if (column != null) b.add(column);
        }
        EntityMetadata built = b.build();
        plan.newEntities.add(built);
        plan.newRelationships.addAll(b.systemRelationships());
        plan.component(1, e.logicalName());
        if (built.primaryNameAttribute() != null) plan.component(2, e.logicalName() + "." + built.primaryNameAttribute());
        plan.log("entity", e.logicalName(), "success", null);
        for (AttributeMetadata a : built.attributes().values()) if (a.custom()) relationshipsOf(e.logicalName(), a);
    }

    private void extend(Entity e) {
        EntityMetadata existing = current.entity(e.logicalName());
        List<AttributeMetadata> added = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            // An unmodified column describes the platform's own column: the organization keeps what it has.
            if (a.logicalName() == null || a.unmodified() || existing.has(a.logicalName()) || AttributeMapper.BUILT_IN.contains(a.logicalName())
                    || "primarykey".equals(a.type()) || "state".equals(a.type()) || "status".equals(a.type()) || "owner".equals(a.type())) {
                continue;
            }
            AttributeMetadata column = column(e, a);
            if (column != null) added.add(column);
        }
        // Columns installed by an earlier import stay components of the solution, and take the file's definition.
        for (Attribute a : e.attributes()) {
            if (a.logicalName() != null && existing.has(a.logicalName()) && existing.attribute(a.logicalName()).custom()
                    && !AttributeMapper.BUILT_IN.contains(a.logicalName()) && !a.logicalName().equals(existing.primaryIdAttribute())) {
                plan.component(2, e.logicalName() + "." + a.logicalName());
                AttributeMetadata wanted = mapped(e, a);
                if (wanted != null) change(e.logicalName(), existing.attribute(a.logicalName()), wanted);
            }
        }
        if (!added.isEmpty()) plan.addedColumns.put(e.logicalName(), added);
        if (existing.custom()) plan.component(1, e.logicalName());
        plan.log("entity", e.logicalName(), "success", null);
        for (AttributeMetadata a : added) relationshipsOf(e.logicalName(), a);
    }

    /** The column for a file attribute, registered and logged, or {@code null} (logged) when it cannot be installed. */
    private AttributeMetadata column(Entity e, Attribute a) {
        AttributeMetadata column = mapped(e, a);
        if (column != null) {
            String name = e.logicalName() + "." + a.logicalName();
            plan.component(2, name);
            plan.log("attribute", name, "success", null);
        }
        return column;
    }

    /** What the file defines for an attribute, or {@code null} (logged) when it cannot be installed. */
    private AttributeMetadata mapped(Entity e, Attribute a) {
        String name = e.logicalName() + "." + a.logicalName();
        if (!AttributeMapper.supported(a.type())) {
            plan.log("attribute", name, "warning", "The attribute type '" + a.type() + "' is not supported; the column was skipped.");
            return null;
        }
        checked(a.logicalName());
        List<String> related = lookupTargets.getOrDefault(name, List.of());
        List<String> targets = new ArrayList<>(related.isEmpty() ? a.lookupTypes().stream().map(this::tableOfType).toList() : related);
        List<String> missing = targets.stream().filter(t -> !current.hasEntity(t) && !newEntityNames.containsKey(t)).toList();
        targets.removeAll(missing);
        if (targets.isEmpty() && !missing.isEmpty() && "lookup".equals(a.type())) {
            plan.log("attribute", name, "warning", "The column was skipped: the table " + String.join(", ", missing)
                    + " it points at is neither in the solution nor in the organization.");
            return null;
        }
        try {
            return AttributeMapper.map(a, targets, globalSets, existingSets);
        } catch (IllegalArgumentException ex) {
            plan.log("attribute", name, "warning", "The column was skipped: " + ex.getMessage() + ".");
            return null;
        }
    }

    /** Plans an existing column's new definition, under the layering rules of the class comment. */
    private void change(String entity, AttributeMetadata now, AttributeMetadata wanted) {
        String name = entity + "." + now.logicalName();
        if (wanted.type() != now.type()) {
            plan.log("attribute", name, "warning", "The type of an existing column cannot change (" + now.type() + " to "
                    + wanted.type() + "); the column was kept as it is.");
            return;
        }
        AttributeMetadata next = ColumnChanges.merge(now, wanted);
        boolean sameDefinition = next.equals(now);
        if (rules.managed()) {
            if (now.customized() && !rules.overwriteUnmanagedCustomizations()) {
                if (!sameDefinition) {
                    plan.log("attribute", name, "success", "The column keeps its unmanaged customization:"
                            + " OverwriteUnmanagedCustomizations is false.");
                }
                return;
            }
            next = next.withCustomized(false);
        } else if (!sameDefinition && rules.managedColumns().contains(name)) {
            next = next.withCustomized(true);
        }
        if (next.equals(now)) return;
        plan.changedColumns.computeIfAbsent(entity, k -> new ArrayList<>()).add(next);
        plan.log("attribute", name, "success", null);
    }

    /** One relationship per lookup target, named and configured as the file says, or generated when it says nothing. */
    private void relationshipsOf(String entity, AttributeMetadata a) {
        if (!a.type().isLookup()) return;
        for (String target : a.targets()) {
            Relationship r = fileRelationship(entity, a.logicalName(), target);
            String name = r != null ? r.name() : target + "_" + entity + "_" + a.logicalName();
            CascadeType delete = cascade(r == null ? null : r.cascadeDelete());
            String referencedKey = primaryKey(target);
            plan.newRelationships.add(new RelationshipMetadata(name, RelationshipMetadata.Kind.OneToMany, target, referencedKey,
                    entity, a.logicalName(), r != null && r.referencedNavigation() != null ? r.referencedNavigation() : name,
                    r != null && r.referencingNavigation() != null ? r.referencingNavigation() : a.logicalName(),
                    delete, CascadeType.Cascade, null, null, null, null, null));
            plan.component(10, name);
            plan.log("relationship", name, "success", null);
        }
    }

    private void manyToMany(Relationship r) {
        String e1 = r.entity1();
        String e2 = r.entity2();
        if (r.name() == null || e1 == null || e2 == null || current.relationships().stream().anyMatch(x -> x.schemaName().equalsIgnoreCase(r.name()))) return;
        if ((!current.hasEntity(e1) && !newEntityNames.containsKey(e1)) || (!current.hasEntity(e2) && !newEntityNames.containsKey(e2))) {
            plan.log("relationship", r.name(), "warning", "A table of the relationship does not exist; it was skipped.");
            return;
        }
        String intersect = checked(r.intersectEntity() != null ? r.intersectEntity() : r.name().toLowerCase(java.util.Locale.ROOT));
        if (current.hasEntity(intersect) || newEntityNames.containsKey(intersect)) {
            plan.log("relationship", r.name(), "warning", "The intersect table " + intersect + " would replace a table; the relationship was skipped.");
            return;
        }
        // Exports name only the tables; the intersect columns are their primary keys, told apart when a table relates to itself.
        String k1 = primaryKey(e1);
        String k2 = primaryKey(e2);
        String a1 = checked(r.entity1Attribute() != null ? r.entity1Attribute() : e1.equals(e2) ? k1 + "one" : k1);
        String a2 = checked(r.entity2Attribute() != null ? r.entity2Attribute() : e1.equals(e2) ? k2 + "two" : k2);
        plan.newRelationships.add(RelationshipMetadata.manyToMany(r.name(), e1, a1, e2, a2, intersect));
        plan.component(10, r.name());
        plan.log("relationship", r.name(), "success", null);
    }

    /** Relationships of the file that an earlier import created remain components of the solution. */
    private void registerExisting() {
        java.util.Set<String> registered = new java.util.HashSet<>();
        for (ImportPlan.Component c : plan.components) if (c.type() == 10) registered.add(c.schemaName().toLowerCase(java.util.Locale.ROOT));
        for (Relationship r : file.relationships()) {
            if (r.name() == null || registered.contains(r.name().toLowerCase(java.util.Locale.ROOT))) continue;
            if (r.oneToMany() && (r.referencingAttribute() == null || AttributeMapper.BUILT_IN.contains(r.referencingAttribute()))) continue;
            if (current.relationships().stream().anyMatch(x -> x.schemaName().equalsIgnoreCase(r.name()))) plan.component(10, r.name());
        }
    }

    /**
     * The table a LookupType names. Exports write object type codes, which only the platform's own tables share
     * between organizations (a custom table's code is the exporting organization's); a name is taken as it is.
     */
    private String tableOfType(String lookupType) {
        if (lookupType.length() > 9 || !lookupType.chars().allMatch(Character::isDigit)) return lookupType;
        int code = Integer.parseInt(lookupType);
        for (EntityMetadata e : current.entities()) {
            if (!e.custom() && ObjectTypeCodes.of(e) == code) return e.logicalName();
        }
        return "with object type code " + code;
    }

    private Relationship fileRelationship(String entity, String attribute, String target) {
        for (Relationship r : file.relationships()) {
            if (r.oneToMany() && entity.equals(r.referencingEntity()) && attribute.equals(r.referencingAttribute())
                    && target.equals(r.referencedEntity())) return r;
        }
        return null;
    }

    private String primaryKey(String entity) {
        if (current.hasEntity(entity)) return current.entity(entity).primaryIdAttribute();
        for (Attribute a : newEntityNames.get(entity).attributes()) if ("primarykey".equals(a.type())) return a.logicalName();
        return entity + "id";
    }

    static CascadeType cascade(String value) {
        if (value == null) return CascadeType.RemoveLink;
        for (CascadeType c : CascadeType.values()) if (c.name().equalsIgnoreCase(value)) return c;
        return CascadeType.RemoveLink;
    }

    /** Entity set names appear in URLs only, but must still be plain names. */
    static String checkedSetName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) throw SolutionFiles.invalid("the entity set name '" + name + "' is not valid.");
        return name;
    }

    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw SolutionFiles.invalid("the name '" + name + "' is not a valid logical name.");
        }
        return name;
    }
}
