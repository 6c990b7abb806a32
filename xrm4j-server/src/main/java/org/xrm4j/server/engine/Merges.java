package org.xrm4j.server.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.store.RecordStore;

/**
 * The Merge operation: the subordinate record's children move to the master, UpdateContent is written to the
 * master, and the subordinate is deactivated and marked merged into the master. The subordinate is never deleted.
 *
 * <p>Everything runs in the caller's unit of work, so a fault at any point (a check, a refused value in
 * UpdateContent, a plug-in step after the main operation) leaves both records and every child as they were. Both
 * records are locked first, in id order, so two merges touching the same pair cannot interleave their checks and
 * writes, and two opposite merges (A into B, B into A) wait for each other instead of deadlocking.
 *
 * <p>The checks come in the platform's order: privilege, identical records, existence, active state, then the
 * parenting check when the caller asks for it. Re-parenting is set-based ({@link MergeReparenting}), so the cost of
 * a merge grows with the number of relationships, not with the number of children.
 */
public final class Merges {
    private Merges() {}

    /** The parameters of one merge, already checked for presence by the message handler. */
    public record Request(EntityReference target, UUID subordinateId, Entity updateContent, boolean performParentingChecks) {
        public Request {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(subordinateId, "subordinateId");
        }
    }

    public static void merge(ExecutionContext ctx, Request request) {
        MergeTable table = MergeTable.of(request.target().logicalName());
        if (!ctx.user().has(Privilege.prvMerge)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Merge is not allowed: caller does not have the privilege"
                    + " or access. User " + ctx.user().userId() + " lacks the Merge privilege (prvMerge).");
        }
        UUID masterId = request.target().id();
        UUID subordinateId = request.subordinateId();
        if (masterId.equals(subordinateId)) {
            throw new FaultException(ErrorCodes.InvalidArgument,
                    "Merge cannot be performed on master and sub-entities that are identical.");
        }
        EntityMetadata e = ctx.metadata().entity(table.entity());
        lock(ctx, e, masterId, subordinateId);
        ColumnSet columns = new ColumnSet(table.checkedColumns(e).toArray(String[]::new));
        Entity master = Records.retrieve(ctx, e, masterId, columns);
        Entity subordinate = Records.retrieve(ctx, e, subordinateId, columns);
        requireActive(e, master, "master");
        requireActive(e, subordinate, "sub-entity");
        if (request.performParentingChecks()) requireSameParent(table, e, master, subordinate);
        MergeReparenting.requireNoCycle(ctx, e, masterId, subordinateId);

        if (table.takesUpdateContent() && request.updateContent() != null) {
            applyUpdateContent(ctx, e, masterId, request.updateContent());
        }
        EntityReference owner = subordinate.get("ownerid") instanceof EntityReference r ? r : null;
        MergeReparenting.moveChildren(ctx, e, subordinateId, masterId, owner);
        deactivate(ctx, table, e, subordinateId, masterId);
    }

    /**
     * Locks both rows (and proves they exist) with one statement. The order is the database's own ordering of the
     * ids, the same for every merge, which is what keeps two opposite merges from deadlocking.
     */
    private static void lock(ExecutionContext ctx, EntityMetadata e, UUID masterId, UUID subordinateId) {
        RecordStore store = ctx.organization().store();
        String key = store.quote(e.primaryIdAttribute());
        List<UUID> found = store.ids(ctx.unitOfWork().connection(), "SELECT " + key + " FROM " + store.table(e.logicalName())
                + " WHERE " + key + " IN (?, ?) ORDER BY " + key + " FOR UPDATE", List.of(masterId, subordinateId));
        if (!found.contains(masterId)) throw Records.notFound(e, masterId);
        if (!found.contains(subordinateId)) throw Records.notFound(e, subordinateId);
    }

    private static void requireActive(EntityMetadata e, Entity record, String role) {
        OptionSetValue state = record.get("statecode", OptionSetValue.class);
        if (state != null && state.value() != 0) {
            throw new FaultException(ErrorCodes.InvalidState, "Merge cannot be performed on entity that is inactive. The "
                    + role + " " + e.logicalName() + " with Id = " + record.id() + " is not active (statecode " + state.value() + ").");
        }
    }

    /** Each parent lookup must hold the same record on both sides; a parent on one side only counts as different. */
    private static void requireSameParent(MergeTable table, EntityMetadata e, Entity master, Entity subordinate) {
        for (String lookup : table.parentLookups(e)) {
            EntityReference a = master.get(lookup, EntityReference.class);
            EntityReference b = subordinate.get(lookup, EntityReference.class);
            boolean same = a == null ? b == null : a.sameRecord(b);
            if (!same) {
                throw new FaultException(ErrorCodes.InvalidState, "Merge warning: sub-entity will be differently parented."
                        + " The master and the subordinate " + e.logicalName() + " have different values of '" + lookup
                        + "' (" + describe(a) + " and " + describe(b) + "); merge with PerformParentingChecks set to false"
                        + " to merge them anyway.");
            }
        }
    }

    private static String describe(EntityReference r) { return r == null ? "none" : r.logicalName() + " " + r.id(); }

    /**
     * UpdateContent is written as an ordinary update of the master, validated like one. Its own id, if it has one,
     * is ignored: the master is the Target, whatever the content says.
     */
    private static void applyUpdateContent(ExecutionContext ctx, EntityMetadata e, UUID masterId, Entity content) {
        if (!e.logicalName().equals(content.logicalName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "UpdateContent of a merge of " + e.logicalName()
                    + " records must be a " + e.logicalName() + ", not a " + content.logicalName() + ".");
        }
        Entity update = new Entity(e.logicalName(), masterId);
        for (Map.Entry<String, Object> value : content.attributes().entrySet()) {
            if (!value.getKey().equals(e.primaryIdAttribute())) update.set(value.getKey(), value.getValue());
        }
        if (!update.attributes().isEmpty()) Records.update(ctx, update);
    }

    private static void deactivate(ExecutionContext ctx, MergeTable table, EntityMetadata e, UUID subordinateId, UUID masterId) {
        Entity update = new Entity(e.logicalName(), subordinateId).set("statecode", new OptionSetValue(table.inactiveState()));
        OptionSetValue status = table.subordinateStatus(e);
        if (status != null) update.set("statuscode", status);
        if (e.has("merged")) update.set("merged", true);
        if (e.has("masterid")) update.set("masterid", new EntityReference(e.logicalName(), masterId));
        Records.update(ctx, update);
    }
}
