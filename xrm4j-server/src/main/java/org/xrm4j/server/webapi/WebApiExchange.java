package org.xrm4j.server.webapi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.http.RequestParts;
import org.xrm4j.server.limits.Admission;
import org.xrm4j.server.security.Principal;
import tools.jackson.core.JacksonException;

/**
 * One Web API request over HTTP: Jetty's request read into a {@link WebApiRequest}, and a {@link WebApiResponse}
 * written back. Only this class knows Jetty; the operations work on the abstract request and answer.
 */
final class WebApiExchange {
    private static final Logger LOG = LoggerFactory.getLogger(WebApiExchange.class);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>(2);
    private boolean bodyRead;

    WebApiExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    /** The work of one Web API request, for the bearer token that authenticated it. */
    @FunctionalInterface
    interface Work {
        void run(String token) throws IOException;
    }

    /**
     * Serves a request the way every Web API endpoint does: authentication first (an anonymous caller learns
     * nothing about the organization), then admission under the service protection limits (a {@code $batch} is one
     * request), then {@code work}; whatever fails is answered as a Web API error, an unexpected failure with a
     * reference that the log holds.
     */
    void serve(XrmEngine engine, String organization, Work work) {
        try {
            String token = bearerToken();
            Principal principal = engine.authenticator().principal(token);
            try (Admission admission = engine.admit(organization, principal)) {
                admission.headers(this::header);
                work.run(token);
            }
        } catch (FaultException e) {
            write(WebApiFaults.answer(e.fault()));
        } catch (JacksonException e) {
            write(WebApiFaults.answer(WebApiFaults.of(e)));
        } catch (RuntimeException | IOException e) {
            UUID reference = UUID.randomUUID();
            LOG.error("Unexpected failure, reference {}", reference, e);
            write(WebApiFaults.answer(new OrganizationServiceFault(ErrorCodes.UnExpected,
                    "An unexpected error occurred. Reference: " + reference)));
        }
    }

    /** The request, its path relative to {@code /api/data/v9.x/}; the body is read under {@code limit} bytes. */
    WebApiRequest read(String relativePath, long limit) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) headers.putIfAbsent(f.getName(), f.getValue());
        return new WebApiRequest(request.getMethod(), relativePath, request.getHttpURI().getQuery(), headers, body(limit));
    }

    /** The body, under {@code limit} bytes. */
    byte[] body(long limit) throws IOException {
        bodyRead = true;
        return RequestParts.body(request, limit);
    }

    /** The scheme and authority the client used, taken from its Host header so that links work for it as given. */
    String origin() {
        String host = request.getHeaders().get("Host");
        if (host == null || host.isBlank()) host = request.getHttpURI().getAuthority();
        return request.getHttpURI().getScheme() + "://" + host;
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    String bearerToken() { return RequestParts.bearerToken(request); }

    /** The user that {@code MSCRMCallerID} or {@code CallerObjectId} names, or {@code null}. */
    UUID callerId(org.xrm4j.server.organization.Organization org) {
        return Impersonation.callerId(org, request.getHeaders().get("MSCRMCallerID"), request.getHeaders().get("CallerObjectId"));
    }

    /** A header for whatever answer this request gets, a fault included (the service protection headers). */
    void header(String name, String value) { extraHeaders.put(name, value); }

    void write(WebApiResponse answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        extraHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
        // Answered before its body was read (no token, say), the request leaves that body on the connection; the
        // client must open a new one for its next request rather than have it cut off under that request.
        if (!bodyRead && request.getLength() != 0) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        byte[] body = answer.body();
        response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
    }
}
