package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.sdk.messages.UpsertResponse;
import org.xrm4j.server.engine.AlternateKeys;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Ids;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Upsert: Update when the record exists, Create with the given id otherwise. A Target named by alternate key
 * (KeyAttributes) updates the record the key finds, or creates one with the key's values.
 */
public final class UpsertHandler implements MessageHandler {
    @Override public String messageName() { return UpsertRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        Entity target = Arguments.required(request, "Target", ((UpsertRequest) request).target());
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        UUID id = target.id() != null ? target.id() : target.get(e.primaryIdAttribute()) instanceof UUID u ? u : null;
        boolean created;
        if (id == null && !target.keyAttributes().isEmpty()) {
            // By alternate key: the record the key finds, or a new one that carries the key's values.
            id = AlternateKeys.find(ctx, e, target.keyAttributes());
            created = id == null;
            if (created) {
                id = Ids.next();
                target.keyAttributes().forEach((column, value) -> { if (!target.contains(column)) target.set(column, value); });
            }
            target.id(id);
        } else if (id == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Upsert needs the record's Id or the values of one of its alternate keys (KeyAttributes).");
        } else {
            created = !Records.exists(ctx, e, id);
        }
        if (created) {
            Records.create(ctx, target);
        } else {
            Records.update(ctx, target);
        }
        return new UpsertResponse().recordCreated(created).target(new EntityReference(e.logicalName(), id));
    }
}
