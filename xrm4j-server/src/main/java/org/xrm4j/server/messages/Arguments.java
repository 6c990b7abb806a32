package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;

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
}
