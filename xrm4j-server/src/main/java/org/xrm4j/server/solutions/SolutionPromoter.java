package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.organization.Organization;

/**
 * DeleteAndPromote: applies a staged upgrade. The components the base solution has and its {@code _Upgrade} no
 * longer has are removed, with their data, as the platform does (tables, columns, relationships); then the base
 * row goes and the upgrade takes its name. On PostgreSQL this is one transaction; H2 commits each DROP, so there a
 * failure part way leaves the drops done so far (everything is decided before the first one to make that rare).
 */
public final class SolutionPromoter {
    private SolutionPromoter() {}

    /** Promotes {@code <uniqueName>_Upgrade} and answers its id. */
    public static UUID promote(ExecutionContext ctx, String uniqueName) {
        ctx.unitOfWork().onClose(SolutionLocks.acquire(ctx.organization().organizationId()));
        return promote(ctx, uniqueName, ctx.organization().metadata());
    }

    /**
     * Promotes within an operation that already holds the solution permit, against {@code current}, the metadata
     * as the open transaction has it (an import that upgrades in one step promotes what it has just staged).
     */
    static UUID promote(ExecutionContext ctx, String uniqueName, OrganizationMetadata current) {
        Organization org = ctx.organization();
        UnitOfWork uow = ctx.unitOfWork();
        SolutionRows rows = new SolutionRows(ctx);
        Entity base = rows.findSolution(uniqueName);
        Entity upgrade = rows.findSolution(uniqueName + SolutionImporter.HOLDING_SUFFIX);
        if (base == null || upgrade == null) {
            throw new FaultException(ErrorCodes.SolutionUpgradeNotAvailable, "The " + uniqueName + " solution doesn't have an"
                    + " upgrade that is ready to be applied.");
        }
        Set<String> kept = new HashSet<>();
        for (ImportPlan.Component c : rows.components(upgrade.id())) kept.add(ComponentRemoval.key(c.type(), c.schemaName()));
        List<ImportPlan.Component> removed = new ArrayList<>();
        for (ImportPlan.Component c : rows.components(base.id())) {
            if (!kept.contains(ComponentRemoval.key(c.type(), c.schemaName()))) removed.add(c);
        }
        rows.promote(base.id(), upgrade.id(), uniqueName);
        OrganizationMetadata next = ComponentRemoval.remove(ctx, current, removed);
        MetadataPublication.atCommit(uow, org, next);
        return upgrade.id();
    }

}
