package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.security.Privilege;

/**
 * Deleting a solution row. A managed solution is uninstalled: its components that no other solution also holds are
 * removed with their data. Deleting an unmanaged solution removes only the container, as on the platform: its
 * tables and columns stay, unmanaged customizations of the organization.
 */
public final class SolutionUninstaller {
    private SolutionUninstaller() {}

    public static void delete(ExecutionContext ctx, EntityReference target) {
        if (!ctx.user().has(Privilege.prvImportCustomization)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId() + ") is missing"
                    + " prvImportCustomization privilege: deleting solutions needs it.");
        }
        Organization org = ctx.organization();
        ctx.unitOfWork().onClose(SolutionLocks.acquire(org.organizationId()));
        Entity solution = Records.retrieve(ctx, ctx.metadata().entity("solution"), target.id(),
                new org.xrm4j.sdk.query.ColumnSet("uniquename", "ismanaged"));
        if (!Boolean.TRUE.equals(solution.get("ismanaged"))) {
            Records.delete(ctx, target);
            return;
        }
        SolutionRows rows = new SolutionRows(ctx);
        Set<String> shared = rows.otherComponents(target.id());
        List<ImportPlan.Component> removed = new ArrayList<>();
        for (ImportPlan.Component c : rows.components(target.id())) {
            if (!shared.contains(ComponentRemoval.key(c.type(), c.schemaName()))) removed.add(c);
        }
        Records.delete(ctx, target);
        OrganizationMetadata next = ComponentRemoval.remove(ctx, org.metadata(), removed);
        MetadataPublication.atCommit(ctx.unitOfWork(), org, next);
    }

}
