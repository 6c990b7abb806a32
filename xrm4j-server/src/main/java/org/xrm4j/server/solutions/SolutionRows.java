package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.store.RecordStore;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;

/**
 * The rows an import writes about itself: publisher, solution, one solutioncomponent per installed component, and
 * the importjob. They go through {@link Records}, so they are validated and audited like any record.
 */
final class SolutionRows {
    private final ExecutionContext ctx;
    private final RecordStore store;
    private final Connection c;

    SolutionRows(ExecutionContext ctx) {
        this.ctx = ctx;
        this.store = ctx.organization().store();
        this.c = ctx.unitOfWork().connection();
    }

    boolean importJobExists(UUID id) {
        return Records.exists(ctx, ctx.metadata().entity("importjob"), id);
    }

    /**
     * An installed solution keeps its kind: a managed one cannot be replaced by an unmanaged import, nor the other
     * way round, as the platform rules.
     */
    void checkKind(SolutionManifest m) {
        String sql = "SELECT " + store.quote("solutionid") + " FROM " + store.table("solution") + " WHERE "
                + store.quote("uniquename") + " = ? AND " + store.quote("ismanaged") + " = ?";
        if (store.any(c, sql, List.of(m.uniqueName(), !m.managed()))) {
            ErrorCode code = m.managed() ? ErrorCodes.ImportSolutionUnmanagedToManagedMismatch : ErrorCodes.ImportSolutionManagedToUnmanagedMismatch;
            throw new FaultException(code, "The solution " + m.uniqueName() + " is already installed as "
                    + (m.managed() ? "unmanaged; a managed" : "managed; an unmanaged") + " version cannot be imported over it.");
        }
    }

    /** The solution row of that unique name (id, version, ismanaged), or {@code null}. */
    Entity findSolution(String uniqueName) {
        QueryExpression q = new QueryExpression("solution").columnSet(new ColumnSet("uniquename", "version", "ismanaged"));
        q.criteria().addCondition("uniquename", ConditionOperator.Equal, uniqueName);
        List<Entity> found = Records.query(ctx, q).entities();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The components a solution registers, as {@code componenttype:schemaname}. */
    List<ImportPlan.Component> components(UUID solutionId) {
        QueryExpression q = new QueryExpression("solutioncomponent").columnSet(new ColumnSet("componenttype", "schemaname", "objectid"));
        q.criteria().addCondition("solutionid", ConditionOperator.Equal, solutionId);
        return Records.query(ctx, q).entities().stream().map(e -> new ImportPlan.Component(((OptionSetValue) e.get("componenttype")).value(),
                (String) e.get("schemaname"), (UUID) e.get("objectid"))).toList();
    }

    /** The schema names of the components of {@code type} that some managed solution installed. */
    java.util.Set<String> managedComponents(int type) {
        String sql = "SELECT sc." + store.quote("schemaname") + " FROM " + store.table("solutioncomponent") + " sc JOIN "
                + store.table("solution") + " s ON s." + store.quote("solutionid") + " = sc." + store.quote("solutionid")
                + " WHERE s." + store.quote("ismanaged") + " = ? AND sc." + store.quote("componenttype") + " = ?";
        return new java.util.HashSet<>(store.strings(c, sql, List.of(true, type)));
    }

    /** The component keys ({@link ComponentRemoval#key}) every other solution registers. */
    java.util.Set<String> otherComponents(UUID solutionId) {
        QueryExpression q = new QueryExpression("solutioncomponent").columnSet(new ColumnSet("componenttype", "schemaname"));
        q.criteria().addCondition("solutionid", ConditionOperator.NotEqual, solutionId);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Entity e : Records.query(ctx, q).entities()) {
            keys.add(ComponentRemoval.key(((OptionSetValue) e.get("componenttype")).value(), (String) e.get("schemaname")));
        }
        return keys;
    }

    /** Replaces the base solution by its promoted upgrade: the base row goes (its components with it), the upgrade takes its name. */
    void promote(UUID baseId, UUID upgradeId, String uniqueName) {
        store.delete(c, ctx.metadata().entity("solution"), baseId);
        Records.update(ctx, new Entity("solution", upgradeId).set("uniquename", uniqueName));
    }

    /** The publisher by unique name, created on first use. */
    UUID publisher(SolutionManifest.Publisher p) {
        UUID id = find("publisher", "publisherid", p.uniqueName());
        if (id != null) return id;
        Entity e = new Entity("publisher").set("uniquename", p.uniqueName()).set("friendlyname", p.friendlyName())
                .set("customizationprefix", p.prefix());
        if (p.optionValuePrefix() >= 10000) e.set("customizationoptionvalueprefix", p.optionValuePrefix());
        return Records.create(ctx, e);
    }

    /**
     * The solution row: created on first import; on a later import of the same solution its version, name and
     * publisher are updated and its components registered afresh.
     */
    UUID solution(SolutionManifest m, UUID publisherId) {
        UUID id = find("solution", "solutionid", m.uniqueName());
        Entity e = new Entity("solution").set("uniquename", m.uniqueName()).set("friendlyname", m.friendlyName())
                .set("version", m.version()).set("ismanaged", m.managed()).set("publisherid", new EntityReference("publisher", publisherId));
        if (id == null) return Records.create(ctx, e.set("installedon", ctx.now()));
        e.id(id);
        Records.update(ctx, e);
        store.executeUpdate(c, "DELETE FROM " + store.table("solutioncomponent") + " WHERE " + store.quote("solutionid") + " = ?", List.of(id));
        return id;
    }

    void components(UUID solutionId, List<ImportPlan.Component> components) {
        for (ImportPlan.Component comp : components) {
            Records.create(ctx, new Entity("solutioncomponent").set("solutionid", new EntityReference("solution", solutionId))
                    .set("componenttype", new OptionSetValue(comp.type())).set("objectid", comp.objectId())
                    .set("schemaname", comp.schemaName()).set("rootcomponentbehavior", new OptionSetValue(0))
                    .set("ismetadata", true));
        }
    }

    /** The end of a successful import, in its own transaction: the row {@link ImportProgress} began. */
    void importJob(UUID jobId, UUID solutionId, String log, Instant completed) {
        Records.update(ctx, new Entity("importjob", jobId).set("progress", 100.0).set("completedon", completed).set("data", log)
                .set("solutionid", solutionId));
    }

    private UUID find(String table, String key, String uniqueName) {
        List<UUID> ids = store.ids(c, "SELECT " + store.quote(key) + " FROM " + store.table(table) + " WHERE "
                + store.quote("uniquename") + " = ?", List.of(uniqueName));
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
