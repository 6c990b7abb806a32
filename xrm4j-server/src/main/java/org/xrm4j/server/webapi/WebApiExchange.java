package org.xrm4j.server.webapi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.server.http.RequestParts;

/**
 * One Web API request and its answer: headers, body, and replies that always carry {@code OData-Version: 4.0} and
 * the lower-case JSON content type, because clients such as dynamics-web-api only parse a body whose type starts
 * with exactly {@code application/json}.
 */
final class WebApiExchange {
    static final String JSON_TYPE = "application/json; odata.metadata=minimal";

    private final Request request;
    private final Response response;
    private final Callback callback;

    WebApiExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() { return request.getMethod(); }

    String header(String name) { return request.getHeaders().get(name); }

    /** The raw query string (still percent-encoded), or an empty one. */
    String rawQuery() {
        String q = request.getHttpURI().getQuery();
        return q == null ? "" : q;
    }

    /** The scheme and authority the client used, taken from its Host header so that links work for it as given. */
    String origin() {
        String host = header("Host");
        if (host == null || host.isBlank()) host = request.getHttpURI().getAuthority();
        return request.getHttpURI().getScheme() + "://" + host;
    }

    byte[] body(long limit) throws IOException { return RequestParts.body(request, limit); }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    String bearerToken() { return RequestParts.bearerToken(request); }

    /** The {@code MSCRMCallerID} header as a user id, or {@code null}. */
    UUID callerId() { return RequestParts.callerId(request); }

    void setHeader(String name, String value) { response.getHeaders().put(name, value); }

    void json(int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("OData-Version", "4.0");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    void text(int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("OData-Version", "4.0");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** An XML document, such as the {@code $metadata} CSDL. */
    void xml(int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("OData-Version", "4.0");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    void empty(int status) {
        response.setStatus(status);
        response.getHeaders().put("OData-Version", "4.0");
        response.write(true, null, callback);
    }
}
