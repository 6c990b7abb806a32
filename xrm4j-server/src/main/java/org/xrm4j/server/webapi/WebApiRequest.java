package org.xrm4j.server.webapi;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Web API request as the operations see it, whether it came alone over HTTP or as a part of a {@code $batch}:
 * the method, the path relative to {@code /api/data/v9.x/}, the raw (still percent-encoded) query, the headers
 * (names case-insensitive) and the body.
 */
record WebApiRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
    WebApiRequest {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = h;
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    /** A header's value, or {@code null}. */
    String header(String name) { return headers.get(name); }
}
