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
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.metadata.EntityMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Dataverse Web API (OData v4) under {@code [/{org}]/api/data/v9.0|v9.1|v9.2/}: resolves the path, authenticates
 * the bearer token, and hands the request to {@link RecordOperations}, which speaks to the engine with the same typed
 * requests as the SDK protocol. Every failure is answered in the Web API's error form
 * {@code {"error":{"code":"0x...","message":"..."}}} with the HTTP status of the fault's catalogue entry.
 */
public final class WebApiEndpoint extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(WebApiEndpoint.class);
    private static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/data/(v9\\.[012])/(.*)$");

    private final XrmEngine engine;

    public WebApiEndpoint(XrmEngine engine) { this.engine = engine; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) return false;
        WebApiExchange exchange = new WebApiExchange(request, response, callback);
        try {
            // Authentication comes first: an anonymous caller learns nothing about the organization's tables.
            engine.authenticator().principal(exchange.bearerToken());
            String org = m.group(1);
            String base = exchange.origin() + (org == null ? "" : "/" + org) + "/api/data/" + m.group(2) + "/";
            if (!OperationRoutes.route(engine, org, exchange, base, m.group(3))) {
                dispatch(exchange, new RecordOperations(engine, org, exchange, base), ResourcePath.parse(m.group(3)));
            }
        } catch (FaultException e) {
            fault(exchange, e.fault());
        } catch (JacksonException e) {
            fault(exchange, new OrganizationServiceFault(ErrorCodes.InvalidArgument, "The request body is not valid JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException | java.io.IOException e) {
            UUID reference = UUID.randomUUID();
            LOG.error("Unexpected failure, reference {}", reference, e);
            fault(exchange, new OrganizationServiceFault(ErrorCodes.UnExpected, "An unexpected error occurred. Reference: " + reference));
        }
        return true;
    }

    private void dispatch(WebApiExchange exchange, RecordOperations ops, ResourcePath path) throws java.io.IOException {
        String method = exchange.method();
        if (path.function() != null) {
            if (!method.equals("GET")) throw notAllowed(method, path.function());
            ops.whoAmI();
            return;
        }
        EntityMetadata e = engine.deployment().organization(ops.organization()).metadata().entityBySetName(path.entitySet());
        if (e == null) throw ResourcePath.notFound(path.entitySet());
        if (path.count()) {
            if (!method.equals("GET")) throw notAllowed(method, path.entitySet() + "/$count");
            ops.count(e);
            return;
        }
        if (!path.isRecord()) {
            switch (method) {
                case "GET" -> ops.query(e);
                case "POST" -> ops.create(e);
                default -> throw notAllowed(method, path.entitySet());
            }
            return;
        }
        switch (method) {
            case "GET" -> ops.retrieve(e, path.id());
            case "PATCH" -> ops.update(e, path.id());
            case "DELETE" -> ops.delete(e, path.id());
            default -> throw notAllowed(method, path.entitySet());
        }
    }

    private static FaultException notAllowed(String method, String resource) {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + method + "' is not allowed on '" + resource + "'.");
    }

    static void fault(WebApiExchange exchange, OrganizationServiceFault fault) {
        ErrorCode code = fault.catalogued();
        int status = code.httpStatus();
        if (status == 429 || status == 503) {
            Object retry = fault.errorDetails().get("Retry-After");
            exchange.setHeader("Retry-After", retry == null ? "1" : retry.toString());
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        ObjectNode body = error.putObject("error");
        // The code the client sees is the fault's own, even when the catalogue does not list it.
        body.put("code", String.format("0x%08X", fault.errorCode()));
        body.put("message", fault.message());
        exchange.json(status, error.toString());
    }
}
