package org.xrm4j.server.solutions;

import java.time.Instant;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.engine.UnitOfWork;

/**
 * The importjob row a client polls while an import runs. It is written in a unit of work of its own, committed at
 * every step, because the import's own transaction stays invisible until it ends: the row appears with progress 0
 * when the import starts and climbs as tables, columns and relationships are made. The import's transaction writes
 * the final row (progress 100, the log); a failed import gets its log here, after its transaction rolled back.
 */
final class ImportProgress implements AutoCloseable {
    private final ExecutionContext ctx;
    private final UnitOfWork uow;
    private final UUID jobId;
    private int steps = 1;
    private int done;
    private double reported;

    private ImportProgress(ExecutionContext ctx, UnitOfWork uow, UUID jobId) {
        this.ctx = ctx;
        this.uow = uow;
        this.jobId = jobId;
    }

    static ImportProgress begin(ExecutionContext request, UUID jobId, SolutionManifest m, Instant started) {
        UnitOfWork uow = UnitOfWork.begin(request.unitOfWork().database());
        ImportProgress progress = new ImportProgress(request.inUnitOfWork(uow), uow, jobId);
        try {
            Records.create(progress.ctx, new Entity("importjob", jobId).set("solutionname", m.uniqueName()).set("name", m.friendlyName())
                    .set("progress", 0.0).set("startedon", started)
                    .set("importcontext", "ImportSolution").set("operationcontext", "Import"));
            uow.commit();
            return progress;
        } catch (RuntimeException e) {
            uow.close();
            throw e;
        }
    }

    /** How many steps the import will report; known once it is planned. */
    void steps(int count) { steps = Math.max(1, count); }

    /** One step done. Below 100 until the import's own transaction writes the end. */
    void step() {
        done++;
        double percent = Math.min(99.0, Math.floor(100.0 * done / steps));
        if (percent <= reported) return;
        reported = percent;
        Records.update(ctx, new Entity("importjob", jobId).set("progress", percent));
        uow.commit();
    }

    /** Records the end of a failed import; never masks the failure that ended it. */
    void failed(String log, Instant completed) {
        try {
            Records.update(ctx, new Entity("importjob", jobId).set("progress", 100.0).set("completedon", completed).set("data", log));
            uow.commit();
        } catch (RuntimeException ignored) {
            // the import's own failure is what the caller sees
        }
    }

    @Override public void close() { uow.close(); }
}
