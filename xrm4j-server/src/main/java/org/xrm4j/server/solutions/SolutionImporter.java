package org.xrm4j.server.solutions;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.organization.Organization;

/**
 * Imports a solution file inside the caller's unit of work: read and check the file, plan, create tables and
 * columns, write the publisher, solution, component and importjob rows. The organization's metadata snapshot is
 * replaced only once the unit commits; until then every other request keeps seeing the old one. The solution
 * permit is held until the unit closes, so that the next import plans against committed metadata.
 */
public final class SolutionImporter {
    /** What an import produced. */
    public record Result(UUID solutionId, UUID importJobId, SolutionManifest manifest) {}

    private SolutionImporter() {}

    public static Result importSolution(ExecutionContext ctx, byte[] file, UUID importJobId) {
        Instant started = Instant.now();
        // Everything about the file is checked before the first change, so a bad file leaves the organization as it was.
        SolutionFiles files = SolutionFiles.read(file);
        SolutionManifest manifest = files.manifest();
        SolutionRows rows = new SolutionRows(ctx);
        if (rows.importJobExists(importJobId)) {
            throw new FaultException(ErrorCodes.DuplicatedJobId, "Parameter ImportJobId must be unique: an import job with"
                    + " the id " + importJobId + " already exists.");
        }
        Organization org = ctx.organization();
        UnitOfWork uow = ctx.unitOfWork();
        Runnable release = SolutionLocks.acquire(org.organizationId());
        SchemaChanges changes = new SchemaChanges(org.store().dialect(), org.schema());
        Connection c = uow.connection();
        boolean[] committed = {false};
        RuntimeException[] failure = {null};
        uow.afterCommit(() -> committed[0] = true);
        uow.onClose(() -> {
            try {
                if (!committed[0]) {
                    if (changes.needsUndo()) changes.undo(c);
                    recordFailure(rows, c, importJobId, manifest, failure[0], started);
                }
            } finally {
                release.run();
            }
        });
        UUID solutionId;
        try {
            rows.checkKind(manifest);
            OrganizationMetadata current = org.metadata();
            ImportPlan plan = ImportPlanner.plan(files.customizations(), current);
            OrganizationMetadata next = changes.apply(c, plan, current);
            UUID publisherId = rows.publisher(manifest.publisher());
            solutionId = rows.solution(manifest, publisherId);
            rows.components(solutionId, plan.components);
            rows.importJob(importJobId, manifest, solutionId, ImportLog.write(manifest, plan, "success", null, started, Instant.now()),
                    started, Instant.now());
            uow.afterCommit(() -> org.metadata(next));
        } catch (RuntimeException e) {
            failure[0] = e;
            throw e;
        }
        return new Result(solutionId, importJobId, manifest);
    }

    /**
     * After the import's transaction rolled back, the import job is still recorded, with the failure in its log, in
     * a transaction of its own: a client polling ImportJobId learns why the import failed. Never masks the failure.
     */
    private static void recordFailure(SolutionRows rows, Connection c, UUID importJobId, SolutionManifest manifest,
                                      RuntimeException failure, Instant started) {
        String why = failure == null ? "The import was rolled back." : failure.getMessage();
        try {
            Instant now = Instant.now();
            rows.importJob(importJobId, manifest, null, ImportLog.write(manifest, null, "failure", why, started, now), started, now);
            c.commit();
        } catch (Exception e) {
            try {
                c.rollback();
            } catch (java.sql.SQLException ignored) {
                // the connection is discarded by the pool
            }
        }
    }
}
