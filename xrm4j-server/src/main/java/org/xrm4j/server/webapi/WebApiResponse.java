package org.xrm4j.server.webapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one Web API request: status, headers and body, written as an HTTP response or as a part of a
 * {@code $batch} response. JSON answers carry the lower-case JSON type, because clients such as dynamics-web-api only
 * parse a body whose type starts with exactly {@code application/json}; every answer carries {@code OData-Version}.
 */
final class WebApiResponse {
    static final String JSON_TYPE = "application/json; odata.metadata=minimal";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private WebApiResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        headers.put("OData-Version", "4.0");
        if (contentType != null) headers.put("Content-Type", contentType);
    }

    static WebApiResponse json(int status, String json) {
        return new WebApiResponse(status, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
    }

    static WebApiResponse text(int status, String text) {
        return new WebApiResponse(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static WebApiResponse empty(int status) { return new WebApiResponse(status, null, new byte[0]); }

    static WebApiResponse of(int status, String contentType, byte[] body) { return new WebApiResponse(status, contentType, body); }

    /** Adds or replaces a header; returns this answer. */
    WebApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a preference to {@code Preference-Applied}, beside those already there. */
    WebApiResponse applied(String preference) {
        String before = headers.get("Preference-Applied");
        return header("Preference-Applied", before == null ? preference : before + "," + preference);
    }

    int status() { return status; }

    Map<String, String> headers() { return headers; }

    byte[] body() { return body; }
}
