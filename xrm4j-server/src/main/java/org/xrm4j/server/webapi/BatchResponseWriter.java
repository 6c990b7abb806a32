package org.xrm4j.server.webapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Renders a {@code $batch} answer as Dataverse does, in the exact shape clients parse: the body starts with the first
 * delimiter (no preamble), boundaries are named {@code batchresponse_<uuid>} and {@code changesetresponse_<uuid>} (the
 * dynamics-web-api client recognizes batches and change sets by those prefixes), a change set's part carries its
 * Content-Type and nothing else, status lines have word-only reason phrases, and each part echoes its Content-ID.
 */
final class BatchResponseWriter {
    private static final String CRLF = "\r\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private BatchResponseWriter() {}

    static WebApiResponse write(List<BatchRun.ItemAnswer> answers, int status) {
        String boundary = "batchresponse_" + UUID.randomUUID();
        BatchResponseWriter w = new BatchResponseWriter();
        for (BatchRun.ItemAnswer item : answers) {
            w.text("--" + boundary + CRLF);
            if (item.changeSet()) {
                String changeSet = "changesetresponse_" + UUID.randomUUID();
                w.text("Content-Type: multipart/mixed; boundary=" + changeSet + CRLF + CRLF);
                for (BatchRun.PartAnswer part : item.parts()) {
                    w.text("--" + changeSet + CRLF);
                    w.part(part);
                }
                w.text("--" + changeSet + "--" + CRLF);
            } else {
                w.part(item.parts().getFirst());
            }
        }
        w.text("--" + boundary + "--" + CRLF);
        return WebApiResponse.of(status, "multipart/mixed; boundary=" + boundary, w.out.toByteArray());
    }

    private void part(BatchRun.PartAnswer part) {
        text("Content-Type: application/http" + CRLF + "Content-Transfer-Encoding: binary" + CRLF);
        if (part.contentId() != null) text("Content-ID: " + part.contentId() + CRLF);
        WebApiResponse r = part.response();
        text(CRLF + "HTTP/1.1 " + r.status() + " " + reason(r.status()) + CRLF);
        r.headers().forEach((name, value) -> text(name + ": " + value + CRLF));
        text(CRLF);
        out.writeBytes(r.body());
        text(CRLF);
    }

    private void text(String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }

    /** Reason phrases of word characters only: the client's status-line pattern fails on any other character. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
