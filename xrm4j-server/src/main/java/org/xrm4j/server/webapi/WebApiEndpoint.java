package org.xrm4j.server.webapi;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.server.XrmEngine;

/**
 * The Dataverse Web API (OData v4) under {@code [/{org}]/api/data/v9.0|v9.1|v9.2/}: resolves the path, authenticates
 * the bearer token, and hands the request to {@link OperationRouter} (or a {@code $batch} to {@link BatchRequests}),
 * whose operations speak to the engine with the same typed requests as the SDK protocol. Every failure is answered in
 * the Web API's error form {@code {"error":{"code":"0x...","message":"..."}}} with the HTTP status of the fault's catalogue entry.
 */
public final class WebApiEndpoint extends Handler.Abstract {
    /** The Web API's URLs: an optional organization, the version, and the path below it. */
    static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/data/(v9\\.[012])/(.*)$");

    private final XrmEngine engine;

    public WebApiEndpoint(XrmEngine engine) { this.engine = engine; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) return false;
        WebApiExchange exchange = new WebApiExchange(request, response, callback);
        String org = m.group(1);
        exchange.serve(engine, org, token -> {
            String base = exchange.origin() + (org == null ? "" : "/" + org) + "/api/data/" + m.group(2) + "/";
            OperationRouter router = new OperationRouter(engine, org, base);
            WebApiRequest r = exchange.read(m.group(3), engine.settings().maxRequestBytes());
            UUID callerId = exchange.callerId(engine.deployment().organization(org));
            if (BatchRequests.isBatch(r)) {
                exchange.write(new BatchRequests(engine, router, token, callerId).answer(r));
            } else {
                exchange.write(router.run(router.route(r), token, callerId));
            }
        });
        return true;
    }
}
