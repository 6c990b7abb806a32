package org.xrm4j.server.webapi;

import java.util.List;
import java.util.Map;

/**
 * One request of a {@code $batch} as it came: its Content-ID (only change sets use them), the inner request line's
 * method and URL (absolute, relative, or a {@code $n} reference), the inner headers and the body.
 */
record BatchPart(String contentId, String method, String url, Map<String, String> headers, byte[] body) {
    /** A top-level item of a batch: one part alone, or a change set of parts that succeed or fail together. */
    record Item(boolean changeSet, List<BatchPart> parts) {}
}
