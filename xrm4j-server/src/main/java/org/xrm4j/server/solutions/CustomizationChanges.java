package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.organization.Organization;

/**
 * Schema changes made one at a time (CreateEntity, CreateAttribute, UpdateEntity, UpdateAttribute), through the
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
        final List<SchemaChanges> changes = new ArrayList<>();
        OrganizationMetadata metadata;
        boolean committed;

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
        publish(ctx, session, new OrganizationMetadata(entities, current.relationships()));
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
        ctx.unitOfWork().afterCommit(() -> ctx.organization().metadata(next));
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
                    for (SchemaChanges changes : session.changes.reversed()) if (changes.needsUndo()) changes.undo(c);
                }
            } finally {
                SESSIONS.remove(uow);
                release.run();
            }
        });
        return session;
    }
}
