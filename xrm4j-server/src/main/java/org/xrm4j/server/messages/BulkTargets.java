package org.xrm4j.server.messages;

import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * The Targets of CreateMultiple, UpdateMultiple and UpsertMultiple: a non-empty collection of records of one table, as the platform
 * requires. The table is the collection's EntityName, or the records' own when the caller left it unset.
 */
final class BulkTargets {
    private BulkTargets() {}

    static List<Entity> of(ExecutionContext ctx, OrganizationRequest request, EntityCollection targets) {
        Arguments.required(request, "Targets", targets);
        List<Entity> records = targets.entities();
        if (records.isEmpty()) {
            throw new FaultException(ErrorCodes.InvalidArgument, request.requestName() + " needs at least one record in Targets.");
        }
        String table = targets.entityName() != null ? targets.entityName() : records.getFirst().logicalName();
        EntityMetadata e = ctx.metadata().entity(table);
        for (int i = 0; i < records.size(); i++) {
            Entity r = records.get(i);
            if (r == null || !e.logicalName().equals(r.logicalName())) {
                throw new FaultException(ErrorCodes.InvalidArgument, request.requestName() + " works on one table: Targets["
                        + i + "] is " + (r == null ? "null" : "a " + r.logicalName()) + ", not a " + e.logicalName() + ".");
            }
        }
        return records;
    }
}
