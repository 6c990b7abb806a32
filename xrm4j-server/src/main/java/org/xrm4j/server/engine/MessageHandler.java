package org.xrm4j.server.engine;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

/**
 * The main operation of one message. The pipeline resolves the handler by request name and runs it between the
 * pre- and post-operation stages, inside the unit of work unless the handler opts out to manage units itself.
 */
public interface MessageHandler {
    String messageName();

    OrganizationResponse handle(ExecutionContext context, OrganizationRequest request);

    /** False for handlers that open their own units of work (ExecuteMultiple runs each item in its own). */
    default boolean transactional() { return true; }
}
