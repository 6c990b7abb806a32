package org.xrm4j.server.engine;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.store.RecordStore;

/**
 * Moves a merged subordinate's child records to the master: one UPDATE per one-to-many relationship whose merge
 * cascade applies, never one per child, so a subordinate with a hundred thousand contacts costs the same number of
 * statements as one with a single contact. Each moved child gets a new versionnumber and modifiedon/modifiedby, as
 * any other change does, so change tracking and optimistic concurrency see it.
 *
 * <p>Relationships left alone: the table's own masterid (records merged into the subordinate earlier keep pointing
 * at it, as the platform keeps them), server-managed lookups, and relationships whose merge cascade is NoCascade
 * (or RemoveLink/Restrict, which mean nothing for a merge). A relationship without a merge cascade (older stored
 * metadata) cascades, the platform's default. Active moves only active children; UserOwned only children with the
 * subordinate's owner.
 */
final class MergeReparenting {
    private static final String MASTER_ID = "masterid";

    private MergeReparenting() {}

    /** The relationships, from {@code e} to its children, that a merge of {@code e} follows. */
    static List<RelationshipMetadata> followed(ExecutionContext ctx, EntityMetadata e) {
        List<RelationshipMetadata> followed = new ArrayList<>();
        for (RelationshipMetadata r : ctx.metadata().oneToManyReferencing(e.logicalName())) {
            CascadeType cascade = r.cascadeMerge() == null ? CascadeType.Cascade : r.cascadeMerge();
            if (cascade != CascadeType.Cascade && cascade != CascadeType.Active && cascade != CascadeType.UserOwned) continue;
            if (!ctx.metadata().hasEntity(r.referencingEntity())) continue;
            AttributeMetadata a = ctx.metadata().entity(r.referencingEntity()).attribute(r.referencingAttribute());
            if (a == null || (!a.validForCreate() && !a.validForUpdate())) continue;
            if (r.referencingEntity().equals(e.logicalName()) && a.logicalName().equals(MASTER_ID)) continue;
            followed.add(r);
        }
        return followed;
    }

    static void moveChildren(ExecutionContext ctx, EntityMetadata e, UUID subordinateId, UUID masterId, EntityReference owner) {
        RecordStore store = ctx.organization().store();
        Connection c = ctx.unitOfWork().connection();
        OffsetDateTime now = OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC);
        UUID onBehalf = ctx.impersonating() ? ctx.initiatingUser().userId() : null;
        for (RelationshipMetadata r : followed(ctx, e)) {
            EntityMetadata child = ctx.metadata().entity(r.referencingEntity());
            AttributeMetadata a = child.attribute(r.referencingAttribute());
            String lookup = store.quote(a.logicalName());
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("UPDATE ").append(store.table(child.logicalName()))
                    .append(" SET ").append(lookup).append(" = ?");
            params.add(masterId);
            if (child.has("modifiedon")) {
                sql.append(", ").append(store.quote("modifiedon")).append(" = ?, ").append(store.quote("modifiedby"))
                        .append(" = ?, ").append(store.quote("modifiedonbehalfby")).append(" = ?");
                params.add(now);
                params.add(ctx.user().userId());
                params.add(onBehalf);
            }
            if (child.has("versionnumber")) {
                sql.append(", ").append(store.quote("versionnumber")).append(" = ")
                        .append(store.dialect().nextValue(store.schema(), "xrm_version"));
            }
            sql.append(" WHERE ").append(lookup).append(" = ?");
            params.add(subordinateId);
            if (a.typeColumn() != null) {
                sql.append(" AND ").append(store.quote(a.typeColumn())).append(" = ?");
                params.add(e.logicalName());
            }
            if (r.cascadeMerge() == CascadeType.Active && child.hasState()) {
                sql.append(" AND ").append(store.quote("statecode")).append(" = 0");
            }
            if (r.cascadeMerge() == CascadeType.UserOwned && child.has("ownerid")) {
                if (owner == null) continue;
                sql.append(" AND ").append(store.quote("ownerid")).append(" = ?");
                params.add(owner.id());
            }
            store.executeUpdate(c, sql.toString(), params);
        }
    }

    /**
     * Refuses a merge whose re-parenting would close a loop: when the master sits below the subordinate in one of
     * the table's own hierarchies (parent account, parent case, a contact's parent contact), moving the
     * subordinate's children to the master would make the master its own ancestor. The walk up from the master
     * reads one row per level, and hierarchies are shallow.
     */
    static void requireNoCycle(ExecutionContext ctx, EntityMetadata e, UUID masterId, UUID subordinateId) {
        RecordStore store = ctx.organization().store();
        Connection c = ctx.unitOfWork().connection();
        for (RelationshipMetadata r : followed(ctx, e)) {
            if (!r.referencingEntity().equals(e.logicalName())) continue;
            AttributeMetadata a = e.attribute(r.referencingAttribute());
            String query = "SELECT " + store.quote(a.logicalName()) + " FROM " + store.table(e.logicalName()) + " WHERE "
                    + store.quote(e.primaryIdAttribute()) + " = ?"
                    + (a.typeColumn() == null ? "" : " AND " + store.quote(a.typeColumn()) + " = ?");
            Set<UUID> seen = new HashSet<>();
            UUID current = masterId;
            while (current != null && seen.add(current)) {
                List<Object> params = new ArrayList<>();
                params.add(current);
                if (a.typeColumn() != null) params.add(e.logicalName());
                List<UUID> parent = store.ids(c, query, params);
                current = parent.isEmpty() ? null : parent.getFirst();
                if (subordinateId.equals(current)) {
                    throw new FaultException(ErrorCodes.InvalidState, "Merge could create cyclical parenting: the master "
                            + e.logicalName() + " with Id = " + masterId + " is below the subordinate through '"
                            + a.logicalName() + "', so it would become its own ancestor.");
                }
            }
        }
    }
}
