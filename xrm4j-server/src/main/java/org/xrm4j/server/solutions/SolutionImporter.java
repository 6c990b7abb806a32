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

    /** The suffix of a solution staged for upgrade. */
    public static final String HOLDING_SUFFIX = "_Upgrade";

    private SolutionImporter() {}

    public static Result importSolution(ExecutionContext ctx, byte[] file, UUID importJobId) {
        return importSolution(ctx, file, importJobId, false, false);
    }

    /**
     * With {@code holding}, the solution is staged for upgrade: installed as {@code <UniqueName>_Upgrade} beside the
     * managed base, adding what the new version adds and removing nothing until DeleteAndPromote. With
     * {@code overwriteUnmanagedCustomizations}, a managed file's column definitions replace unmanaged changes.
     */
    public static Result importSolution(ExecutionContext ctx, byte[] file, UUID importJobId, boolean holding,
                                        boolean overwriteUnmanagedCustomizations) {
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
        ImportProgress progress;
        try {
            progress = ImportProgress.begin(ctx, importJobId, manifest, started);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        SchemaChanges changes = new SchemaChanges(org.store().dialect(), org.schema());
        Connection c = uow.connection();
        boolean[] committed = {false};
        RuntimeException[] failure = {null};
        uow.afterCommit(() -> committed[0] = true);
        uow.onClose(() -> {
            try (progress) {
                if (!committed[0]) {
                    if (changes.needsUndo()) changes.undo(c);
                    String why = failure[0] == null ? "The import was rolled back." : failure[0].getMessage();
                    progress.failed(ImportLog.write(manifest, null, "failure", why, started, Instant.now()), Instant.now());
                }
            } finally {
                release.run();
            }
        });
        UUID solutionId;
        try {
            rows.checkKind(manifest);
            refuseDowngrade(rows, manifest);
            // A higher version of an installed managed solution upgrades in one step: staged, then promoted at once.
            boolean upgrade = !holding && isUpgrade(rows, manifest);
            SolutionManifest installed = holding || upgrade ? holding(rows, manifest) : manifest;
            if (!holding && rows.findSolution(manifest.uniqueName() + HOLDING_SUFFIX) != null) {
                throw new FaultException(ErrorCodes.PendingUpgradeExists, "This solution has a pending upgrade ("
                        + manifest.uniqueName() + HOLDING_SUFFIX + "). Please complete the upgrade with DeleteAndPromote before proceeding.");
            }
            OrganizationMetadata current = org.metadata();
            ImportPlan plan = ImportPlanner.plan(files.customizations(), current, new ImportPlanner.Rules(manifest.managed(),
                    overwriteUnmanagedCustomizations, manifest.managed() ? java.util.Set.of() : rows.managedComponents(2)));
            progress.steps(changes.steps(plan) + 1);
            OrganizationMetadata next = changes.apply(c, plan, current, progress::step);
            UUID publisherId = rows.publisher(manifest.publisher());
            solutionId = rows.solution(installed, publisherId);
            rows.components(solutionId, plan.components);
            rows.importJob(importJobId, solutionId, ImportLog.write(manifest, plan, "success", null, started, Instant.now()), Instant.now());
            MetadataPublication.atCommit(uow, org, next);
            if (upgrade) solutionId = SolutionPromoter.promote(ctx, manifest.uniqueName(), next);
        } catch (RuntimeException e) {
            failure[0] = e;
            throw e;
        }
        return new Result(solutionId, importJobId, manifest);
    }

    /** A managed solution never goes back to an older version: its components may depend on what the newer one added. */
    private static void refuseDowngrade(SolutionRows rows, SolutionManifest m) {
        if (!m.managed()) return;
        org.xrm4j.sdk.Entity base = rows.findSolution(m.uniqueName());
        if (base != null && SolutionVersions.compare(m.version(), (String) base.get("version")) < 0) {
            throw new FaultException(ErrorCodes.SolutionUpgradeFailed, "The solution " + m.uniqueName() + " " + m.version()
                    + " is older than the installed version " + base.get("version") + "; a managed solution cannot be downgraded.");
        }
    }

    private static boolean isUpgrade(SolutionRows rows, SolutionManifest m) {
        if (!m.managed()) return false;
        org.xrm4j.sdk.Entity base = rows.findSolution(m.uniqueName());
        return base != null && SolutionVersions.compare(m.version(), (String) base.get("version")) > 0;
    }

    /** The rules of a holding import (both solutions managed, a higher version, one pending upgrade at a time). */
    private static SolutionManifest holding(SolutionRows rows, SolutionManifest m) {
        if (!m.managed()) {
            throw new FaultException(ErrorCodes.SolutionUpgradeFailed, "Only a managed solution can be imported as a holding"
                    + " solution; " + m.uniqueName() + " is unmanaged.");
        }
        org.xrm4j.sdk.Entity base = rows.findSolution(m.uniqueName());
        if (base == null) {
            throw new FaultException(ErrorCodes.SolutionUpgradeFailed, "The solution " + m.uniqueName() + " is not installed:"
                    + " there is nothing to upgrade. Import it without HoldingSolution.");
        }
        if (rows.findSolution(m.uniqueName() + HOLDING_SUFFIX) != null) {
            throw new FaultException(ErrorCodes.PendingUpgradeExists, "Holding solution " + m.uniqueName() + HOLDING_SUFFIX
                    + " already exists. Complete the upgrade with DeleteAndPromote first.");
        }
        if (SolutionVersions.compare(m.version(), (String) base.get("version")) <= 0) {
            throw new FaultException(ErrorCodes.SolutionUpgradeFailed, "An upgrade needs a higher version: " + m.uniqueName()
                    + " " + base.get("version") + " is installed and the file holds " + m.version() + ".");
        }
        return new SolutionManifest(m.uniqueName() + HOLDING_SUFFIX, m.friendlyName(), m.version(), true, m.publisher());
    }
}
