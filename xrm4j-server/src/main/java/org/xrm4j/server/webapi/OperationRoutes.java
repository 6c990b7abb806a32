package org.xrm4j.server.webapi;

import java.io.IOException;
import org.xrm4j.server.XrmEngine;

/**
 * The resources beside the entity sets, tried before the record routes: actions ({@link ActionOperations}).
 * Answers whether it served the request.
 */
final class OperationRoutes {
    private OperationRoutes() {}

    static boolean route(XrmEngine engine, String organization, WebApiExchange exchange, String base, String path) throws IOException {
        if (ActionOperations.names(path)) {
            new ActionOperations(engine, organization, exchange, base).invoke(path);
            return true;
        }
        return false;
    }
}
