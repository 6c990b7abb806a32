package org.xrm4j.server.security;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.organization.Organization;

/**
 * Turns a bearer token (and an optional CallerId) into the users a request runs as. Impersonation needs the
 * act-on-behalf privilege; the impersonated user must be an enabled user of the same organization.
 */
public final class Authenticator {
    private final Tokens tokens;

    public Authenticator(Tokens tokens) { this.tokens = tokens; }

    /** The user a request runs as (impersonated or not) and the user who sent it. */
    public record Callers(Caller effective, Caller initiating) {}

    public Principal principal(String token) {
        if (token == null || token.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidUserAuth, "A bearer token is required: send 'Authorization: Bearer <token>'.");
        }
        return tokens.verify(token).orElseThrow(() -> new FaultException(ErrorCodes.InvalidUserAuth,
                "The bearer token is not valid on this server."));
    }

    public Callers authenticate(Organization org, String token, UUID callerId) {
        Principal p = principal(token);
        if (p.organization() != null && !p.organization().equalsIgnoreCase(org.uniqueName())) {
            throw new FaultException(ErrorCodes.InvalidUserAuth, "The bearer token is not valid in organization '" + org.uniqueName() + "'.");
        }
        UserDirectory.User user = org.users().find(p.userId()).filter(u -> !u.disabled())
                .orElseThrow(() -> new FaultException(ErrorCodes.InvalidUserAuth, "The token's user is not an enabled user of organization '"
                        + org.uniqueName() + "'."));
        Caller initiating = new Caller(user.userId(), user.businessUnitId(), user.privileges(), p.deploymentAdministrator());
        if (callerId == null || callerId.equals(user.userId())) return new Callers(initiating, initiating);
        if (!initiating.has(Privilege.prvActOnBehalfOfAnotherUser)) {
            throw new FaultException(ErrorCodes.CannotActOnBehalfOfAnotherUser, "User " + user.userId()
                    + " does not have the privilege to act on behalf of another user (prvActOnBehalfOfAnotherUser).");
        }
        UserDirectory.User impersonated = org.users().find(callerId).filter(u -> !u.disabled())
                .orElseThrow(() -> new FaultException(ErrorCodes.InvalidCallerId, "CallerId " + callerId
                        + " provided for impersonation is not an enabled user of organization '" + org.uniqueName() + "'."));
        return new Callers(new Caller(impersonated.userId(), impersonated.businessUnitId(), impersonated.privileges(), false), initiating);
    }
}
