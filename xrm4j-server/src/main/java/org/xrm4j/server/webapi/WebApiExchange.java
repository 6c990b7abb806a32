package org.xrm4j.server.webapi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.server.http.RequestParts;

/**
 * One Web API request over HTTP: Jetty's request read into a {@link WebApiRequest}, and a {@link WebApiResponse}
 * written back. Only this class knows Jetty; the operations work on the abstract request and answer.
 */
final class WebApiExchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>(2);

    WebApiExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    /** The request, its path relative to {@code /api/data/v9.x/}; the body is read under {@code limit} bytes. */
    WebApiRequest read(String relativePath, long limit) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) headers.putIfAbsent(f.getName(), f.getValue());
        return new WebApiRequest(request.getMethod(), relativePath, request.getHttpURI().getQuery(), headers,
                RequestParts.body(request, limit));
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
        byte[] body = answer.body();
        response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
    }
}
