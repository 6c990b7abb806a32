package org.xrm4j.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/** What both HTTP surfaces read the same way: the body under a size limit, the bearer token, the CallerId. */
public final class RequestParts {
    private RequestParts() {}

    /** The body, refused with a fault (not a dropped connection) when it is over {@code limit} bytes. */
    public static byte[] body(Request request, long limit) throws IOException {
        long length = request.getLength();
        if (length > limit) throw tooLarge(limit);
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (length >= 0) return exactly(in, (int) length);
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) throw tooLarge(limit);
            return body;
        }
    }

    /**
     * A body of announced length, read into one array of that size: a batch of a thousand requests is a megabyte,
     * which reading in growing chunks would allocate twice over.
     */
    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) throw new EOFException("The request body ended after " + read + " of " + length + " bytes");
        return body;
    }

    private static FaultException tooLarge(long limit) {
        return new FaultException(ErrorCodes.RequestTooLarge, "The request body is larger than the server accepts ("
                + limit + " bytes, setting MaxRequestSizeBytes). Send fewer requests per batch.");
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    public static String bearerToken(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null) return null;
        return auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    /** The MSCRMCallerID header as a user id (braces allowed), or {@code null}. */
    public static UUID callerId(Request request) { return callerId(request.getHeaders().get("MSCRMCallerID")); }

    /** A MSCRMCallerID header's value as a user id (braces allowed), or {@code null} when there is none. */
    public static UUID callerId(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            String s = v.trim();
            return UUID.fromString(s.startsWith("{") ? s.substring(1, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidCallerId, "The MSCRMCallerID header '" + v + "' is not a user id (a GUID).");
        }
    }
}
