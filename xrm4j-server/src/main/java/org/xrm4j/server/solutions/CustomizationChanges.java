package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class CustomizationChanges {
    private CustomizationChanges() {}

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

    /** Replaces a table's definition by one that changes no column or table structure (its labels). */
    public static void replaceDefinition(ExecutionContext ctx, EntityMetadata changed) {
        Organization org = ctx.organization();
        UnitOfWork uow = ctx.unitOfWork();
        Runnable release = SolutionLocks.acquire(org.organizationId());
        uow.onClose(release);
        OrganizationMetadata current = org.metadata();
        List<EntityMetadata> entities = new ArrayList<>();
        for (EntityMetadata e : current.entities()) entities.add(e.logicalName().equals(changed.logicalName()) ? changed : e);
        new MetadataRepository(org.store().dialect(), org.schema()).saveEntity(uow.connection(), changed);
        OrganizationMetadata next = new OrganizationMetadata(entities, current.relationships());
        uow.afterCommit(() -> org.metadata(next));
    }

    private static void apply(ExecutionContext ctx, ImportPlan plan) {
        Organization org = ctx.organization();
        UnitOfWork uow = ctx.unitOfWork();
        Runnable release = SolutionLocks.acquire(org.organizationId());
        SchemaChanges changes = new SchemaChanges(org.store().dialect(), org.schema());
        Connection c = uow.connection();
        boolean[] committed = {false};
        uow.afterCommit(() -> committed[0] = true);
        uow.onClose(() -> {
            try {
                if (!committed[0] && changes.needsUndo()) changes.undo(c);
            } finally {
                release.run();
            }
        });
        OrganizationMetadata next = changes.apply(c, plan, org.metadata(), () -> { });
        uow.afterCommit(() -> org.metadata(next));
    }
}
