package org.xrm4j.server.webapi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * Reads a {@code multipart/mixed} {@code $batch} body line by line, in one pass: parts of {@code application/http}
 * and change sets (a nested {@code multipart/mixed}). What real clients send is accepted: CRLF or LF line endings,
 * a body that starts with an empty line, an inner request line whose URL holds unencoded spaces and quotes (the
 * line is split as METHOD, everything up to the last space, VERSION), and bodyless parts that end right after their
 * headers with no empty line.
 */
final class BatchParser {
    private enum Delimiter { NEXT, CLOSE }

    private final Lines lines;

    private BatchParser(Reader in) { this.lines = new Lines(in); }

    static List<BatchPart.Item> parse(Reader in, String boundary) {
        return new BatchParser(in).batch(boundary);
    }

    /** The {@code boundary} parameter of a {@code multipart/mixed} Content-Type, or {@code null} for another type. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) return null;
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).trim();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }

    private List<BatchPart.Item> batch(String boundary) {
        List<BatchPart.Item> items = new ArrayList<>();
        Delimiter d = skipTo(boundary);
        while (d == Delimiter.NEXT) {
            Map<String, String> mime = headers(boundary);
            String changeSet = boundary(mime.get("Content-Type"));
            if (changeSet != null) {
                items.add(new BatchPart.Item(true, changeSet(changeSet)));
                d = skipTo(boundary);
            } else {
                List<BatchPart> one = new ArrayList<>(1);
                d = part(mime, boundary, one);
                items.add(new BatchPart.Item(false, one));
            }
        }
        return items;
    }

    private List<BatchPart> changeSet(String boundary) {
        List<BatchPart> parts = new ArrayList<>();
        Delimiter d = skipTo(boundary);
        while (d == Delimiter.NEXT) {
            Map<String, String> mime = headers(boundary);
            if (boundary(mime.get("Content-Type")) != null) throw invalid("a change set cannot contain another change set");
            d = part(mime, boundary, parts);
        }
        if (parts.isEmpty()) throw invalid("a change set has no requests");
        return parts;
    }

    /** One {@code application/http} part after its MIME headers; answers the delimiter that ended it. */
    private Delimiter part(Map<String, String> mime, String boundary, List<BatchPart> into) {
        String type = mime.get("Content-Type");
        if (type != null && !type.trim().toLowerCase(Locale.ROOT).startsWith("application/http")) {
            throw invalid("a part has the Content-Type '" + type + "'; batch parts are application/http");
        }
        String line;
        do {
            line = lines.next();
            if (line == null) throw invalid("the body ends inside a part");
            if (delimiter(line, boundary) != null) throw invalid("a part has no request line");
        } while (strip(line).isEmpty());
        String requestLine = strip(line).trim();
        int first = requestLine.indexOf(' ');
        if (first <= 0) throw invalid("the request line '" + requestLine + "' has no URL");
        String method = requestLine.substring(0, first);
        String rest = requestLine.substring(first + 1).trim();
        int last = rest.lastIndexOf(' ');
        String url = last > 0 && rest.substring(last + 1).startsWith("HTTP/") ? rest.substring(0, last).trim() : rest;
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Delimiter d = null;
        while ((line = lines.next()) != null) {
            d = delimiter(line, boundary);
            if (d != null || strip(line).isEmpty()) break;
            header(strip(line), headers);
        }
        StringBuilder body = new StringBuilder();
        if (d == null && line != null) {
            while ((line = lines.next()) != null && (d = delimiter(line, boundary)) == null) body.append(line);
        }
        if (d == null) throw invalid("the body ends without the closing delimiter --" + boundary + "--");
        String contentId = mime.containsKey("Content-ID") ? mime.get("Content-ID") : headers.remove("Content-ID");
        // The line break before a delimiter belongs to the delimiter; clients add one more after a body.
        int end = body.length();
        while (end > 0 && (body.charAt(end - 1) == '\n' || body.charAt(end - 1) == '\r')) end--;
        into.add(new BatchPart(contentId == null ? null : contentId.trim(), method.toUpperCase(Locale.ROOT), url, headers,
                body.substring(0, end).getBytes(StandardCharsets.UTF_8)));
        return d;
    }

    /** MIME headers up to the empty line that ends them. */
    private Map<String, String> headers(String boundary) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while ((line = lines.next()) != null && !strip(line).isEmpty()) {
            if (delimiter(line, boundary) != null) throw invalid("a part has no content");
            header(strip(line), headers);
        }
        if (line == null) throw invalid("the body ends inside a part's headers");
        return headers;
    }

    /** Skips to the next delimiter of {@code boundary} (a preamble, or what follows a change set). */
    private Delimiter skipTo(String boundary) {
        String line;
        while ((line = lines.next()) != null) {
            Delimiter d = delimiter(line, boundary);
            if (d != null) return d;
        }
        throw invalid("the delimiter --" + boundary + " is missing");
    }

    private static Delimiter delimiter(String line, String boundary) {
        if (!line.startsWith("--") || !line.startsWith(boundary, 2)) return null;
        String tail = strip(line).substring(2 + boundary.length()).stripTrailing();
        if (tail.isEmpty()) return Delimiter.NEXT;
        return tail.equals("--") ? Delimiter.CLOSE : null;
    }

    private static void header(String line, Map<String, String> into) {
        int colon = line.indexOf(':');
        if (colon <= 0) throw invalid("the header line '" + line + "' has no name");
        into.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    /** A line without its line break. */
    private static String strip(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) end--;
        return line.substring(0, end);
    }

    private static FaultException invalid(String why) {
        return new FaultException(ErrorCodes.InvalidArgument, "The $batch body is not a valid multipart/mixed batch: " + why + ".");
    }

    /** The lines of a reader, each with its line break (CRLF or LF), so that bodies keep their bytes. */
    private static final class Lines {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;

        Lines(Reader in) { this.in = in; }

        String next() {
            StringBuilder line = null;
            while (true) {
                if (position == limit && !fill()) return line == null ? null : line.toString();
                int start = position;
                while (position < limit && buffer[position] != '\n') position++;
                boolean complete = position < limit;
                if (complete) position++;
                if (line == null) line = new StringBuilder(position - start + 16);
                line.append(buffer, start, position - start);
                if (complete) return line.toString();
            }
        }

        private boolean fill() {
            try {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return false;
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
