package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.server.engine.AlternateKeys;
import org.xrm4j.server.engine.ExecutionContext;

/** Checks on request parameters that every handler needs, with faults that name the parameter. */
final class Arguments {
    private Arguments() {}

    static <T> T required(OrganizationRequest request, String name, T value) {
        if (value == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Required parameter '" + name + "' of "
                    + request.requestName() + " is missing.");
        }
        return value;
    }

    static EntityReference reference(OrganizationRequest request, String name, EntityReference ref) {
        required(request, name, ref);
        if (ref.id() == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Parameter '" + name + "' of " + request.requestName()
                    + " must carry the record's Id.");
        }
        return ref;
    }

    /** A reference that names its record by id, or by alternate key (then resolved to the id; missing: ObjectDoesNotExist). */
    static EntityReference record(ExecutionContext ctx, OrganizationRequest request, String name, EntityReference ref) {
        required(request, name, ref);
        if (ref.id() == null && !ref.keyAttributes().isEmpty()) {
            return ref.withId(AlternateKeys.require(ctx, ctx.metadata().entity(ref.logicalName()), ref.keyAttributes()));
        }
        return reference(request, name, ref);
    }

    /** A record to change that names itself by alternate key instead of id gets the id of the record the key finds. */
    static Entity record(ExecutionContext ctx, OrganizationRequest request, String name, Entity target) {
        required(request, name, target);
        var e = ctx.metadata().entity(target.logicalName());
        if (target.id() == null && target.get(e.primaryIdAttribute()) == null && !target.keyAttributes().isEmpty()) {
            target.id(AlternateKeys.require(ctx, e, target.keyAttributes()));
        }
        return target;
    }
}
