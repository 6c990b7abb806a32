package org.xrm4j.server.messages;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateMultipleRequest;
import org.xrm4j.sdk.messages.CreateMultipleResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.AttributeMetadata;

/**
 * CreateMultiple: every Target is created in the request's one transaction, so a failure of any leaves none, as on
 * the platform's standard tables. The records are validated one by one in memory and inserted as JDBC batches (the
 * bulk-load path). As the platform fires the single-record Create steps once per record, a table with steps on
 * Create, or records with a multi-target lookup (whose existence check reads the database), go one Create at a time
 * through the pipeline instead, joining the same transaction.
 */
public final class CreateMultipleHandler implements MessageHandler {
    private final Pipeline pipeline;

    public CreateMultipleHandler(Pipeline pipeline) { this.pipeline = pipeline; }

    @Override public String messageName() { return CreateMultipleRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        List<Entity> targets = BulkTargets.of(ctx, request, ((CreateMultipleRequest) request).targets());
        List<UUID> ids = new ArrayList<>(targets.size());
        if (pipeline.hasSteps(CreateRequest.NAME) || targets.stream().anyMatch(t -> multiTarget(ctx, t))) {
            for (Entity t : targets) ids.add(((CreateResponse) pipeline.execute(ctx, new CreateRequest(t))).id());
            return new CreateMultipleResponse().ids(ids);
        }
        List<Records.NewRow> rows = new ArrayList<>(targets.size());
        for (Entity t : targets) rows.add(Records.prepareCreate(ctx, t));
        insert(ctx, rows);
        for (Records.NewRow r : rows) ids.add(r.id());
        return new CreateMultipleResponse().ids(ids);
    }

    /**
     * Consecutive rows with the same columns go as one batch. A batch the database refuses names no row, so it is
     * rolled back to its savepoint and retried row by row, which faults on the row at fault with its own message.
     */
    private static void insert(ExecutionContext ctx, List<Records.NewRow> rows) {
        UnitOfWork uow = ctx.unitOfWork();
        int start = 0;
        while (start < rows.size()) {
            Records.NewRow first = rows.get(start);
            int end = start + 1;
            while (end < rows.size() && rows.get(end).columns().equals(first.columns())) end++;
            List<List<Object>> values = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) values.add(rows.get(i).values());
            Savepoint sp = uow.savepoint();
            try {
                ctx.organization().store().insertBatch(uow.connection(), first.entity(), first.columns(), values);
                uow.release(sp);
            } catch (RuntimeException refused) {
                uow.rollbackTo(sp);
                for (int i = start; i < end; i++) {
                    Records.NewRow r = rows.get(i);
                    ctx.organization().store().insert(uow.connection(), r.entity(), r.columns(), r.values());
                }
                throw refused;
            }
            start = end;
        }
    }

    private static boolean multiTarget(ExecutionContext ctx, Entity target) {
        var e = ctx.metadata().entity(target.logicalName());
        for (String name : target.attributes().keySet()) {
            AttributeMetadata a = e.attribute(name);
            if (a != null && a.typeColumn() != null) return true;
        }
        return false;
    }
}
