package org.xrm4j.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * The bulk-load path of ExecuteMultiple: a run of plain Creates is validated item by item in memory, then inserted
 * as JDBC batches in one transaction. It is taken only where it cannot change what the items would do one by one:
 * no pipeline step on Create, no multi-target lookup (whose existence check would not see rows of the same run),
 * and not inside a caller's transaction. When the database refuses any row, the caller rolls the run back and
 * replays it one request at a time, each in its own unit of work, so every fault lands on its own item. In
 * ExecuteTransaction the run is inserted inside the transaction behind a savepoint, and replayed the same way.
 */
public final class BulkCreates {
    private BulkCreates() {}

    /** Whether {@code request} may join a bulk run. */
    public static boolean eligible(Pipeline pipeline, ExecutionContext ctx, OrganizationRequest request) {
        return !ctx.inTransaction() && eligibleInTransaction(pipeline, ctx, request);
    }

    /**
     * Whether {@code request} may join a bulk run of a batch that is itself one transaction (ExecuteTransaction): the
     * same conditions but the caller's transaction, since there a failed row fails the whole batch anyway.
     */
    public static boolean eligibleInTransaction(Pipeline pipeline, ExecutionContext ctx, OrganizationRequest request) {
        if (!(request instanceof CreateRequest create) || pipeline.hasSteps(CreateRequest.NAME)) return false;
        Entity target = create.target();
        if (target == null || !ctx.metadata().hasEntity(target.logicalName())) return false;
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        for (String name : target.attributes().keySet()) {
            AttributeMetadata a = e.attribute(name);
            if (a != null && a.typeColumn() != null) return false;
        }
        return true;
    }

    /** The context an item of the batch runs in, as the pipeline would make it (one level below the batch's caller). */
    public static ExecutionContext itemContext(ExecutionContext batch) { return batch.forItem().nested(); }

    /**
     * Inserts the rows in order, consecutive rows of one table and column list as one JDBC batch, and commits.
     * Throws (having written nothing) when the database refuses any row.
     */
    public static void insert(Pipeline pipeline, ExecutionContext ctx, List<Records.NewRow> rows) {
        pipeline.database().bulkInsert(() -> {
            try (UnitOfWork uow = UnitOfWork.begin(pipeline.database())) {
                insertInto(uow, ctx, rows);
                uow.commit();
            }
        });
    }

    /**
     * Inserts the rows inside the open transaction {@code uow}, behind a savepoint: when the database refuses any
     * row, the transaction is back where it was before the call (usable again, also on PostgreSQL) and this throws.
     */
    public static void insertSavepointed(UnitOfWork uow, ExecutionContext ctx, List<Records.NewRow> rows) {
        java.sql.Savepoint sp = uow.savepoint();
        try {
            insertInto(uow, ctx, rows);
        } catch (RuntimeException refused) {
            uow.rollbackTo(sp);
            throw refused;
        }
        uow.release(sp);
    }

    private static void insertInto(UnitOfWork uow, ExecutionContext ctx, List<Records.NewRow> rows) {
        int start = 0;
        while (start < rows.size()) {
            Records.NewRow first = rows.get(start);
            int end = start + 1;
            while (end < rows.size() && rows.get(end).entity() == first.entity() && rows.get(end).columns().equals(first.columns())) end++;
            List<List<Object>> values = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) values.add(rows.get(i).values());
            ctx.organization().store().insertBatch(uow.connection(), first.entity(), first.columns(), values);
            start = end;
        }
    }
}
