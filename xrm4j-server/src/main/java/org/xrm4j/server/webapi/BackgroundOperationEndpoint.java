package org.xrm4j.server.webapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.XrmEngine;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET [/{org}]/api/backgroundoperation/<id>}: the status of an action started with {@code Prefer: respond-async}
 * ({@code DELETE} cancels it, then answers the status).
 * The operation is the system job (asyncoperation) that runs it, read through the engine with the caller's rights;
 * its state and status codes are the job's (3 Completed with 30 Succeeded, 31 Failed or 32 Canceled when done).
 */
public final class BackgroundOperationEndpoint extends Handler.Abstract {
    private static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/backgroundoperation/([^/]+)$");

    private final XrmEngine engine;

    public BackgroundOperationEndpoint(XrmEngine engine) { this.engine = engine; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) return false;
        WebApiExchange exchange = new WebApiExchange(request, response, callback);
        exchange.serve(engine, m.group(1), token -> {
            UUID id = id(m.group(2));
            switch (request.getMethod()) {
                case "GET" -> { }
                case "DELETE" -> cancel(m.group(1), exchange, id);
                default -> throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.getMethod()
                        + "' is not allowed on a background operation: read its status with GET, cancel it with DELETE.");
            }
            exchange.write(WebApiResponse.json(200, status(m.group(1), exchange, id).toString()));
        });
        return true;
    }

    /** Cancels the job as a client of the asyncoperation table does: statecode 3 Completed, statuscode 32 Canceled. */
    private void cancel(String organization, WebApiExchange exchange, UUID id) {
        Entity update = new Entity("asyncoperation", id).set("statecode", new OptionSetValue(3)).set("statuscode", new OptionSetValue(32));
        engine.execute(organization, exchange.bearerToken(), exchange.callerId(engine.deployment().organization(organization)), new UpdateRequest(update));
    }

    private ObjectNode status(String organization, WebApiExchange exchange, UUID id) {
        ColumnSet columns = new ColumnSet("name", "statecode", "statuscode", "errorcode", "message", "messagename",
                "createdon", "startedon", "completedon");
        Entity job = (Entity) engine.execute(organization, exchange.bearerToken(), exchange.callerId(engine.deployment().organization(organization)),
                new RetrieveRequest(new EntityReference("asyncoperation", id), columns)).get("Entity");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("backgroundOperationId", id.toString());
        o.put("backgroundOperationName", (String) job.get("name"));
        o.put("backgroundOperationMessageName", (String) job.get("messagename"));
        o.put("backgroundOperationStateCode", ((OptionSetValue) job.get("statecode")).value());
        o.put("backgroundOperationStatusCode", ((OptionSetValue) job.get("statuscode")).value());
        Integer errorCode = (Integer) job.get("errorcode");
        if (errorCode != null) o.put("backgroundOperationErrorCode", String.format("0x%08X", errorCode));
        else o.putNull("backgroundOperationErrorCode");
        o.put("backgroundOperationErrorMessage", (String) job.get("message"));
        o.put("backgroundOperationCreatedOn", time(job.get("createdon")));
        o.put("backgroundOperationStartTime", time(job.get("startedon")));
        o.put("backgroundOperationEndTime", time(job.get("completedon")));
        return o;
    }

    private static String time(Object value) {
        return value instanceof Instant t ? t.truncatedTo(ChronoUnit.SECONDS).toString() : null;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text.replace("{", "").replace("}", ""));
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + text + "' is not a background operation id (a GUID).");
        }
    }
}
