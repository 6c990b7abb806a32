package org.xrm4j.server.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.store.RecordStore;

/**
 * Delete cascades for multi-target lookups (regarding, customer, owner), which cannot be foreign keys. Single-target
 * lookups cascade in the database through their foreign key's ON DELETE. Both are set-based.
 *
 * <p>A cascade reaches as deep as the records go: the records a cascade deletes have their own cascades applied
 * first, one statement per relationship and level, whether this class deletes them (multi-target lookups) or the
 * database does (ON DELETE CASCADE, which knows nothing of the multi-target lookups pointing at the rows it removes).
 * Deleting an account thus deletes its contacts and also the tasks regarding those contacts. Records already on the
 * way out are not visited twice, so a cycle of lookups ends.
 */
final class Cascades {
    /** Ids per statement, well below the bind parameter limit of every database. */
    private static final int CHUNK = 500;

    private Cascades() {}

    static void beforeDelete(ExecutionContext ctx, EntityMetadata e, UUID id) {
        Set<UUID> deleting = new HashSet<>();
        deleting.add(id);
        beforeDelete(ctx, e, List.of(id), deleting);
    }

    private static void beforeDelete(ExecutionContext ctx, EntityMetadata e, List<UUID> ids, Set<UUID> deleting) {
        RecordStore store = ctx.organization().store();
        Connection c = ctx.unitOfWork().connection();
        removeAssociations(ctx, e, ids);
        for (RelationshipMetadata r : ctx.metadata().oneToManyReferencing(e.logicalName())) {
            if (!ctx.metadata().hasEntity(r.referencingEntity())) continue;
            EntityMetadata child = ctx.metadata().entity(r.referencingEntity());
            AttributeMetadata a = child.attribute(r.referencingAttribute());
            if (a == null) continue;
            boolean multiTarget = a.typeColumn() != null;
            boolean deletes = switch (r.cascadeDelete()) {
                case Cascade, Active, UserOwned -> true;
                case Restrict, RemoveLink, NoCascade -> false;
            };
            // A foreign key's ON DELETE restricts or clears by itself; only the rows it deletes need a look first.
            if (!multiTarget && !deletes) continue;
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String where = " WHERE " + store.quote(a.logicalName()) + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ")" + (multiTarget ? " AND " + store.quote(a.typeColumn()) + " = ?" : "");
                List<Object> params = new ArrayList<>(chunk);
                if (multiTarget) params.add(e.logicalName());
                String table = store.table(child.logicalName());
                switch (r.cascadeDelete()) {
                    case Cascade, Active, UserOwned -> {
                        List<UUID> children = new ArrayList<>(store.ids(c, "SELECT " + store.quote(child.primaryIdAttribute())
                                + " FROM " + table + where, params));
                        children.removeIf(childId -> !deleting.add(childId));
                        if (!children.isEmpty()) beforeDelete(ctx, child, children, deleting);
                        if (multiTarget) store.executeUpdate(c, "DELETE FROM " + table + where, params);
                    }
                    case Restrict -> {
                        if (store.any(c, "SELECT 1 FROM " + table + where, params)) {
                            throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The " + e.logicalName()
                                    + (ids.size() == 1 ? " with Id = " + ids.getFirst() : " records deleted with it")
                                    + " cannot be deleted: " + child.logicalName() + " records refer to "
                                    + (ids.size() == 1 ? "it" : "them") + " through " + r.schemaName() + ", which restricts deletion.");
                        }
                    }
                    case RemoveLink, NoCascade -> store.executeUpdate(c, "UPDATE " + table + " SET " + store.quote(a.logicalName())
                            + " = NULL, " + store.quote(a.typeColumn()) + " = NULL" + where, params);
                }
            }
        }
    }

    /**
     * A deleted record leaves none of its many-to-many associations behind, as on the platform. Intersect tables
     * have no foreign keys to cascade, so their rows are removed here.
     */
    private static void removeAssociations(ExecutionContext ctx, EntityMetadata e, List<UUID> ids) {
        RecordStore store = ctx.organization().store();
        for (RelationshipMetadata r : ctx.metadata().relationships()) {
            if (r.kind() != RelationshipMetadata.Kind.ManyToMany) continue;
            List<String> columns = new ArrayList<>(2);
            if (r.entity1().equals(e.logicalName())) columns.add(r.entity1IntersectAttribute());
            if (r.entity2().equals(e.logicalName())) columns.add(r.entity2IntersectAttribute());
            for (String column : columns) {
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    store.executeUpdate(ctx.unitOfWork().connection(), "DELETE FROM " + store.table(r.intersectEntity()) + " WHERE "
                            + store.quote(column) + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", List.copyOf(chunk));
                }
            }
        }
    }
}
