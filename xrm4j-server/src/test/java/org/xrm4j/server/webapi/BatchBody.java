package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@code $batch} bodies as clients write them (CRLF by default, the body starting with an empty line as
 * dynamics-web-api sends it), and reads multipart answers back into their parts.
 */
final class BatchBody {
    final String boundary = "batch_" + UUID.randomUUID();
    private final StringBuilder body = new StringBuilder("\r\n");
    private String changeSet;

    /** A request outside any change set; {@code body} may be null; headers as name, value pairs. */
    BatchBody part(String method, String url, String json, String... headers) {
        closeChangeSet();
        body.append("--").append(boundary).append("\r\n");
        request(method, url, json, null, headers);
        return this;
    }

    /** A request inside the current change set (one is opened when none is). */
    BatchBody change(String contentId, String method, String url, String json, String... headers) {
        if (changeSet == null) {
            changeSet = "changeset_" + UUID.randomUUID();
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: multipart/mixed;boundary=").append(changeSet).append("\r\n\r\n");
        }
        body.append("--").append(changeSet).append("\r\n");
        request(method, url, json, contentId, headers);
        return this;
    }

    /** Ends the current change set, so that the next change opens a new one. */
    BatchBody closeChangeSet() {
        if (changeSet != null) {
            body.append("--").append(changeSet).append("--\r\n\r\n");
            changeSet = null;
        }
        return this;
    }

    String build() {
        closeChangeSet();
        return body + "--" + boundary + "--\r\n";
    }

    String contentType() { return "multipart/mixed;boundary=" + boundary; }

    private void request(String method, String url, String json, String contentId, String... headers) {
        body.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId != null) body.append("Content-ID: ").append(contentId).append("\r\n");
        body.append("\r\n").append(method).append(' ').append(url).append(" HTTP/1.1\r\n");
        if (json != null) body.append("Content-Type: application/json\r\n");
        for (int i = 0; i < headers.length; i += 2) body.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        if (json != null) body.append("\r\n").append(json).append("\r\n");
        body.append("\r\n");
    }

    /** One answered part: its Content-ID, whether it sat in a change set, the status, headers and body. */
    record Answer(String contentId, boolean inChangeSet, int status, String statusLine, Map<String, String> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
            return null;
        }
    }

    /** The parts of a multipart answer, change sets flattened in order. */
    static List<Answer> answers(String multipart) {
        List<Answer> answers = new ArrayList<>();
        String delimiter = multipart.substring(0, multipart.indexOf("\r\n"));
        String[] parts = multipart.split(java.util.regex.Pattern.quote(delimiter));
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.contains("--changesetresponse_")) {
                String inner = part.substring(part.indexOf("--changesetresponse_"));
                String d = inner.substring(0, inner.indexOf("\r\n"));
                String[] changes = inner.split(java.util.regex.Pattern.quote(d));
                for (int k = 1; k < changes.length - 1; k++) answers.add(answer(changes[k], true));
            } else {
                answers.add(answer(part, false));
            }
        }
        return answers;
    }

    private static Answer answer(String part, boolean inChangeSet) {
        String[] sections = part.replaceFirst("^\r\n", "").split("\r\n\r\n", 3);
        String contentId = null;
        for (String line : sections[0].split("\r\n")) if (line.startsWith("Content-ID: ")) contentId = line.substring(12);
        String[] response = sections[1].split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < response.length; i++) headers.put(response[i].substring(0, response[i].indexOf(':')), response[i].substring(response[i].indexOf(':') + 2));
        String body = sections.length > 2 ? sections[2].replaceFirst("\r\n$", "") : "";
        return new Answer(contentId, inChangeSet, Integer.parseInt(response[0].split(" ")[1]), response[0], headers, body);
    }
}
