package org.xrm4j.server.http;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.limits.Admission;
import org.xrm4j.server.security.Principal;

/**
 * The SDK protocol: {@code POST [/{org}]/api/xrm/v1/execute} carries one OrganizationRequest, and
 * {@code POST [/{org}]/api/xrm/v1/deployment} one deployment message. Parses, calls the engine, renders; every
 * failure becomes a fault with a catalogued code, and an unexpected one is logged here with its stack trace and
 * answered with a reference instead.
 */
public final class SdkEndpoint extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(SdkEndpoint.class);
    private static final Pattern PATH = Pattern.compile("^(?:/([A-Za-z][A-Za-z0-9]{0,29}))?/api/xrm/v1/(execute|deployment)/?$");
    private static final byte[] HEALTH = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final XrmEngine engine;
    private final DeploymentService deploymentService;

    public SdkEndpoint(XrmEngine engine) {
        this.engine = engine;
        this.deploymentService = new DeploymentService(engine);
    }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        String path = request.getHttpURI().getPath();
        if (path.equals("/health")) {
            exchange.json(200, HEALTH);
            return true;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) return false;
        try {
            if (!HttpMethod.POST.is(request.getMethod())) {
                throw new FaultException(ErrorCodes.NotSupported, "Use POST for " + path + ".");
            }
            // Authentication comes before parsing: an anonymous caller learns nothing about the body.
            Principal principal = engine.authenticator().principal(exchange.bearerToken());
            boolean execute = m.group(2).equals("execute");
            // The limits guard the organization service; the deployment service is its administrators' own.
            try (Admission admission = execute ? engine.admit(m.group(1), principal) : Admission.UNLIMITED) {
                admission.headers(exchange::header);
                byte[] body = exchange.body(engine.settings().maxRequestBytes());
                OrganizationRequest req = SdkJson.readRequest(body);
                OrganizationResponse res = execute
                        ? engine.execute(m.group(1), exchange.bearerToken(), exchange.callerId(), req)
                        : deploymentService.execute(exchange.bearerToken(), req);
                exchange.json(200, SdkJson.writeResponse(res));
            }
        } catch (FaultException e) {
            exchange.fault(e.fault());
        } catch (RuntimeException | java.io.IOException e) {
            UUID reference = UUID.randomUUID();
            LOG.error("Unexpected failure, reference {}", reference, e);
            exchange.fault(new OrganizationServiceFault(ErrorCodes.UnExpected, "An unexpected error occurred. Reference: " + reference));
        }
        return true;
    }
}
