package org.xrm4j.server.webapi;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.limits.Admission;
import org.xrm4j.server.security.Principal;
import tools.jackson.core.JacksonException;

/**
 * The Dataverse Web API (OData v4) under {@code [/{org}]/api/data/v9.0|v9.1|v9.2/}: resolves the path, authenticates
 * the bearer token, and hands the request to {@link OperationRouter} (or a {@code $batch} to {@link BatchRequests}),
 * whose operations speak to the engine with the same typed requests as the SDK protocol. Every failure is answered in
 * the Web API's error form {@code {"error":{"code":"0x...","message":"..."}}} with the HTTP status of the fault's catalogue entry.
 */
public final class WebApiEndpoint extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(WebApiEndpoint.class);
    /** The Web API's URLs: an optional organization, the version, and the path below it. */
    static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/data/(v9\\.[012])/(.*)$");

    private final XrmEngine engine;

    public WebApiEndpoint(XrmEngine engine) { this.engine = engine; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) return false;
        WebApiExchange exchange = new WebApiExchange(request, response, callback);
        try {
            // Authentication comes first: an anonymous caller learns nothing about the organization's tables.
            String token = exchange.bearerToken();
            Principal principal = engine.authenticator().principal(token);
            String org = m.group(1);
            // Refused before it runs when over a service protection limit; a $batch is one request.
            try (Admission admission = engine.admit(org, principal)) {
                admission.headers(exchange::header);
                String base = exchange.origin() + (org == null ? "" : "/" + org) + "/api/data/" + m.group(2) + "/";
                OperationRouter router = new OperationRouter(engine, org, base);
                WebApiRequest r = exchange.read(m.group(3), engine.settings().maxRequestBytes());
                UUID callerId = exchange.callerId(engine.deployment().organization(org));
                if (BatchRequests.isBatch(r)) {
                    exchange.write(new BatchRequests(engine, router, token, callerId).answer(r));
                } else {
                    exchange.write(router.run(router.route(r), token, callerId));
                }
            }
        } catch (FaultException e) {
            exchange.write(WebApiFaults.answer(e.fault()));
        } catch (JacksonException e) {
            exchange.write(WebApiFaults.answer(WebApiFaults.of(e)));
        } catch (RuntimeException | java.io.IOException e) {
            UUID reference = UUID.randomUUID();
            LOG.error("Unexpected failure, reference {}", reference, e);
            exchange.write(WebApiFaults.answer(new OrganizationServiceFault(ErrorCodes.UnExpected,
                    "An unexpected error occurred. Reference: " + reference)));
        }
        return true;
    }
}
