package org.xrm4j.server.engine;

import java.util.UUID;
import org.xrm4j.sdk.ConcurrencyBehavior;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Optimistic concurrency for Update and Delete ({@link ConcurrencyBehavior#IfRowVersionMatches}): the write goes
 * ahead only while the record's versionnumber still equals the RowVersion the caller read. The row is locked by the
 * check, so a concurrent writer cannot slip in between the check and the write.
 */
public final class RowVersions {
    private RowVersions() {}

    public static void check(ExecutionContext ctx, EntityMetadata e, UUID id, ConcurrencyBehavior behavior, String rowVersion) {
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (rowVersion == null || rowVersion.isBlank()) {
            throw new FaultException(ErrorCodes.ConcurrencyVersionNotProvided);
        }
        if (!e.has("versionnumber")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The " + e.logicalName() + " table has no row version.");
        }
        Long current = ctx.organization().store().lockedVersion(ctx.unitOfWork().connection(), e, id);
        if (current == null) throw Records.notFound(e, id);
        if (!current.toString().equals(rowVersion.trim())) {
            throw new FaultException(ErrorCodes.ConcurrencyVersionMismatch);
        }
    }
}
