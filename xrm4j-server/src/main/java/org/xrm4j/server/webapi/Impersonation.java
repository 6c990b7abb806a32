package org.xrm4j.server.webapi;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.http.RequestParts;
import org.xrm4j.server.organization.Organization;

/**
 * The user a Web API request acts for besides its caller: {@code MSCRMCallerID: <systemuserid>}, or
 * {@code CallerObjectId: <Microsoft Entra object id>}, which names the systemuser whose
 * {@code azureactivedirectoryobjectid} it is. Either way the engine impersonates that user with the caller's rights
 * to do so checked as for MSCRMCallerID; MSCRMCallerID wins when both are sent, as in Dataverse.
 */
final class Impersonation {
    private Impersonation() {}

    /** The impersonated user's id, or {@code null} when the request names none. */
    static UUID callerId(Organization org, String msCrmCallerId, String callerObjectId) {
        UUID byId = RequestParts.callerId(msCrmCallerId);
        if (byId != null || callerObjectId == null || callerObjectId.isBlank()) return byId;
        UUID objectId;
        try {
            String s = callerObjectId.trim();
            objectId = UUID.fromString(s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidCallerId, "The CallerObjectId header '" + callerObjectId
                    + "' is not a Microsoft Entra object id (a GUID).");
        }
        return org.users().findByObjectId(objectId).orElseThrow(() -> new FaultException(ErrorCodes.InvalidCallerId,
                "No user has the Microsoft Entra object id " + objectId + " of the CallerObjectId header: set it as the"
                        + " azureactivedirectoryobjectid of the systemuser to impersonate."));
    }
}
