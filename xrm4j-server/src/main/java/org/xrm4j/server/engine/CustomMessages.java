package org.xrm4j.server.engine;

import org.xrm4j.sdk.OrganizationRequest;

/**
 * Messages that customizers define as data (Custom APIs) rather than the server as code. The pipeline asks for one
 * only when no built-in handler has the request's name, so a definition never shadows a platform message.
 */
public interface CustomMessages {
    /** The handler of the custom message {@code request} names, after checking its parameters; null when none is defined. */
    MessageHandler resolve(ExecutionContext context, OrganizationRequest request);

    /** The definitions of custom messages are customizations: writing them takes the System Administrator's privileges. */
    static void checkWrite(ExecutionContext ctx, String entity, org.xrm4j.server.security.Privilege privilege) {
        if (!entity.equals("customapi") && !entity.equals("customapirequestparameter") && !entity.equals("customapiresponseproperty")) return;
        if (!ctx.user().has(privilege)) {
            throw new org.xrm4j.sdk.FaultException(org.xrm4j.sdk.ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId()
                    + ") is missing " + privilege + " privilege: changing the " + entity + " table defines custom messages"
                    + " (the System Administrator role holds it).");
        }
    }
}
