package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.store.DdlEngine;

/**
 * Schema changes made one at a time (CreateEntity, CreateAttribute, UpdateEntity, UpdateAttribute, the entity key,
 * relationship and option set messages, DeleteEntity, DeleteAttribute), through the
 * same path as a solution import: the organization's solution permit, {@link SchemaChanges} for the DDL and the
 * metadata rows in the caller's unit of work (undone by hand on H2, whose DDL commits), and the new metadata
 * snapshot published only when the unit commits.
 *
 * <p>Several changes may share one unit of work (an ExecuteTransaction, a {@code $batch} change set): the first takes
 * the permit for all of them, each builds on the metadata the ones before it made ({@link #current}), and when the
 * unit rolls back every one is undone, newest first, before the permit is released.
 */
public final class CustomizationChanges {
    /** The changes made in each open unit of work, while it holds the organization's solution permit. */
    private static final Map<UnitOfWork, Session> SESSIONS = new ConcurrentHashMap<>();

    private CustomizationChanges() {}

    /** What one unit of work has changed so far. */
    private static final class Session {
        final List<Undo> changes = new ArrayList<>();
        OrganizationMetadata metadata;
        boolean committed;
        /** A table or column was dropped: on H2 that cannot be undone, so a failed unit reads the metadata back. */
        boolean dropped;

        Session(OrganizationMetadata metadata) { this.metadata = metadata; }
    }

    /** The organization's metadata with the changes this request's unit of work has made so far. */
    public static OrganizationMetadata current(ExecutionContext ctx) {
        Session s = ctx.inTransaction() ? SESSIONS.get(ctx.unitOfWork()) : null;
        return s != null ? s.metadata : ctx.organization().metadata();
    }

    /** Creates a table with its columns and the relationships of its lookups. */
    public static void createEntity(ExecutionContext ctx, EntityMetadata entity, List<RelationshipMetadata> relationships) {
        ImportPlan plan = new ImportPlan();
        plan.newEntities.add(entity);
        plan.newRelationships.addAll(relationships);
        apply(ctx, plan);
    }

    /** Adds a column to an existing table. */
    public static void addAttribute(ExecutionContext ctx, String entity, AttributeMetadata attribute) {
        ImportPlan plan = new ImportPlan();
        plan.addedColumns.put(entity, new ArrayList<>(List.of(attribute)));
        apply(ctx, plan);
    }

    /** Creates a one-to-many relationship with its lookup column on the referencing table (foreign key and index). */
    public static void createOneToMany(ExecutionContext ctx, AttributeMetadata lookup, RelationshipMetadata relationship) {
        ImportPlan plan = new ImportPlan();
        plan.addedColumns.put(relationship.referencingEntity(), new ArrayList<>(List.of(lookup)));
        plan.newRelationships.add(relationship);
        apply(ctx, plan);
    }

    /** Creates a many-to-many relationship with its intersect table. */
    public static void createManyToMany(ExecutionContext ctx, RelationshipMetadata relationship) {
        ImportPlan plan = new ImportPlan();
        plan.newRelationships.add(relationship);
        apply(ctx, plan);
    }

    /**
     * Replaces a relationship's definition. A one-to-many one whose delete cascade changes gets its foreign key
     * again with the matching ON DELETE (on H2, put back as it was if the unit fails).
     */
    public static void changeRelationship(ExecutionContext ctx, RelationshipMetadata changed) {
        Session session = session(ctx);
        OrganizationMetadata current = session.metadata;
        RelationshipMetadata before = current.relationship(changed.schemaName());
        List<RelationshipMetadata> relationships = new ArrayList<>();
        for (RelationshipMetadata r : current.relationships()) relationships.add(r == before ? changed : r);
        OrganizationMetadata next = new OrganizationMetadata(current.entities(), relationships, current.optionSets());
        Organization org = ctx.organization();
        Connection c = ctx.unitOfWork().connection();
        if (changed.kind() == RelationshipMetadata.Kind.OneToMany && changed.cascadeDelete() != before.cascadeDelete()) {
            DdlEngine ddl = new DdlEngine(org.store().dialect(), org.schema());
            ddl.changeForeignKey(c, next, changed);
            session.changes.add(ddlUndo(org, cc -> ddl.changeForeignKey(cc, current, before)));
        }
        new MetadataRepository(org.store().dialect(), org.schema()).saveRelationship(c, changed);
        publish(ctx, session, next);
    }

    /**
     * Removes a relationship: a one-to-many one with its lookup column and the column's values, a many-to-many one
     * with its intersect table and the links it holds.
     */
    public static void removeRelationship(ExecutionContext ctx, RelationshipMetadata relationship) {
        if (relationship.kind() == RelationshipMetadata.Kind.OneToMany) {
            removeAttribute(ctx, relationship.referencingEntity(), relationship.referencingAttribute());
        } else {
            remove(ctx, new ImportPlan.Component(10, relationship.schemaName(), MetadataIds.relationship(relationship.schemaName())));
        }
    }

    /** Creates or replaces a global option set's definition. */
    public static void saveOptionSet(ExecutionContext ctx, OptionSetMetadata optionSet) {
        Session session = session(ctx);
        OrganizationMetadata current = session.metadata;
        List<OptionSetMetadata> sets = new ArrayList<>();
        boolean replaced = false;
        for (OptionSetMetadata o : current.optionSets()) {
            boolean same = o.name().equalsIgnoreCase(optionSet.name());
            sets.add(same ? optionSet : o);
            replaced |= same;
        }
        if (!replaced) sets.add(optionSet);
        Organization org = ctx.organization();
        new MetadataRepository(org.store().dialect(), org.schema()).saveOptionSet(ctx.unitOfWork().connection(), optionSet);
        publish(ctx, session, current.withOptionSets(sets));
    }

    /** Removes a global option set's definition (no column uses it any more). */
    public static void removeOptionSet(ExecutionContext ctx, String name) {
        Session session = session(ctx);
        OrganizationMetadata current = session.metadata;
        Organization org = ctx.organization();
        new MetadataRepository(org.store().dialect(), org.schema()).deleteOptionSet(ctx.unitOfWork().connection(), current.optionSet(name).name());
        publish(ctx, session, current.withOptionSets(current.optionSets().stream().filter(o -> !o.name().equalsIgnoreCase(name)).toList()));
    }

    /** Replaces a column's definition; a String column that grows is widened in the database too. */
    public static void changeAttribute(ExecutionContext ctx, String entity, AttributeMetadata changed) {
        ImportPlan plan = new ImportPlan();
        plan.changedColumns.put(entity, new ArrayList<>(List.of(changed)));
        apply(ctx, plan);
    }

    /** Changes a table's definition in a way that changes no column or table structure (its labels). */
    public static void changeDefinition(ExecutionContext ctx, String entity, UnaryOperator<EntityMetadata> change) {
        Session session = session(ctx);
        OrganizationMetadata current = session.metadata;
        EntityMetadata changed = change.apply(current.entity(entity));
        List<EntityMetadata> entities = new ArrayList<>();
        for (EntityMetadata e : current.entities()) entities.add(e.logicalName().equals(entity) ? changed : e);
        Organization org = ctx.organization();
        new MetadataRepository(org.store().dialect(), org.schema()).saveEntity(ctx.unitOfWork().connection(), changed);
        publish(ctx, session, new OrganizationMetadata(entities, current.relationships(), current.optionSets()));
    }

    /**
     * Defines an alternate key: faults with DuplicateRecordEntityKey when rows already share its values, else builds
     * its unique index and stores it with the table.
     */
    public static void addKey(ExecutionContext ctx, String entity, EntityKeyMetadata key) {
        Session session = session(ctx);
        Organization org = ctx.organization();
        Connection c = ctx.unitOfWork().connection();
        DdlEngine ddl = new DdlEngine(org.store().dialect(), org.schema());
        EntityMetadata table = session.metadata.entity(entity);
        List<Object> duplicate = ddl.firstDuplicate(c, table, key);
        if (duplicate != null) {
            throw new FaultException(ErrorCodes.DuplicateRecordEntityKey, "The key "
                    + key.schemaNameOrLogical() + " cannot be created: more than one " + entity + " has the values "
                    + duplicate.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + " in "
                    + String.join(", ", key.keyAttributes()) + ". Make those values unique, then create the key again.");
        }
        ddl.createKeyIndex(c, table, key);
        session.changes.add(ddlUndo(org, cc -> ddl.dropKeyIndex(cc, table, key)));
        List<EntityKeyMetadata> keys = new ArrayList<>(table.keys());
        keys.add(key);
        saveEntity(ctx, session, table.withKeys(keys));
    }

    /** Removes an alternate key and its index. */
    public static void removeKey(ExecutionContext ctx, String entity, EntityKeyMetadata key) {
        Session session = session(ctx);
        Organization org = ctx.organization();
        DdlEngine ddl = new DdlEngine(org.store().dialect(), org.schema());
        EntityMetadata table = session.metadata.entity(entity);
        ddl.dropKeyIndex(ctx.unitOfWork().connection(), table, key);
        session.changes.add(ddlUndo(org, cc -> ddl.createKeyIndex(cc, table, key)));
        saveEntity(ctx, session, table.withKeys(table.keys().stream().filter(k -> !k.logicalName().equals(key.logicalName())).toList()));
    }

    /**
     * Removes a table or a column with its data, its relationships and the keys that use it, as a managed uninstall
     * does ({@link ComponentRemoval}). PostgreSQL undoes it with the unit; H2 commits a DROP at once, so there a unit
     * that fails after it keeps the drop, and the organization's metadata is read back from the database.
     */
    public static void removeEntity(ExecutionContext ctx, String entity) {
        remove(ctx, new ImportPlan.Component(1, entity, MetadataIds.entity(entity)));
    }

    public static void removeAttribute(ExecutionContext ctx, String entity, String attribute) {
        remove(ctx, new ImportPlan.Component(2, entity + "." + attribute, MetadataIds.attribute(entity, attribute)));
    }

    private static void remove(ExecutionContext ctx, ImportPlan.Component component) {
        Session session = session(ctx);
        session.dropped = true;
        publish(ctx, session, ComponentRemoval.remove(ctx, session.metadata, List.of(component)));
    }

    private static void saveEntity(ExecutionContext ctx, Session session, EntityMetadata changed) {
        OrganizationMetadata current = session.metadata;
        List<EntityMetadata> entities = new ArrayList<>();
        for (EntityMetadata e : current.entities()) entities.add(e.logicalName().equals(changed.logicalName()) ? changed : e);
        Organization org = ctx.organization();
        new MetadataRepository(org.store().dialect(), org.schema()).saveEntity(ctx.unitOfWork().connection(), changed);
        publish(ctx, session, new OrganizationMetadata(entities, current.relationships(), current.optionSets()));
    }

    /** On H2, whose DDL commits, the statement that reverses a DDL change once the unit has rolled back. */
    private static Undo ddlUndo(Organization org, java.util.function.Consumer<Connection> reverse) {
        boolean h2 = "h2".equals(org.store().dialect().name());
        return new Undo() {
            @Override public boolean needsUndo() { return h2; }

            @Override public void undo(Connection c) {
                try {
                    c.rollback();
                    reverse.accept(c);
                } catch (java.sql.SQLException | RuntimeException ignored) {
                    // best effort, as SchemaChanges#undo: the original failure is what the caller reports
                }
            }
        };
    }

    private static void apply(ExecutionContext ctx, ImportPlan plan) {
        Session session = session(ctx);
        Organization org = ctx.organization();
        SchemaChanges changes = new SchemaChanges(org.store().dialect(), org.schema());
        session.changes.add(changes);
        publish(ctx, session, changes.apply(ctx.unitOfWork().connection(), plan, session.metadata, () -> { }));
    }

    /** The next snapshot: later changes of the unit build on it, and it becomes the organization's when the unit commits. */
    private static void publish(ExecutionContext ctx, Session session, OrganizationMetadata next) {
        session.metadata = next;
        MetadataPublication.atCommit(ctx.unitOfWork(), ctx.organization(), next);
    }

    /** The unit's session; the first change of a unit takes the permit and arranges the undo and the release. */
    private static Session session(ExecutionContext ctx) {
        UnitOfWork uow = ctx.unitOfWork();
        Session existing = SESSIONS.get(uow);
        if (existing != null) return existing;
        Organization org = ctx.organization();
        Runnable release = SolutionLocks.acquire(org.organizationId());
        Session session = new Session(org.metadata());
        SESSIONS.put(uow, session);
        Connection c = uow.connection();
        uow.afterCommit(() -> session.committed = true);
        uow.onClose(() -> {
            try {
                if (!session.committed) {
                    for (Undo changes : session.changes.reversed()) if (changes.needsUndo()) changes.undo(c);
                    if (session.dropped && "h2".equals(org.store().dialect().name())) {
                        org.metadata(new MetadataRepository(org.store().dialect(), org.schema()).load(c));
                    }
                }
            } finally {
                SESSIONS.remove(uow);
                release.run();
            }
        });
        return session;
    }
}
