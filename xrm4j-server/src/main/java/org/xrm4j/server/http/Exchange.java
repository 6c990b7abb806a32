package org.xrm4j.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;

/** Reading and answering one HTTP request: body with a size limit, bearer token, CallerId, JSON and fault replies. */
final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    Request request() { return request; }

    /** The body, refused with a fault (not a dropped connection) when it is over {@code limit} bytes. */
    byte[] body(long limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) throw tooLarge(limit);
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) throw tooLarge(limit);
            return body;
        }
    }

    private static FaultException tooLarge(long limit) {
        return new FaultException(ErrorCodes.RequestTooLarge, "The request body is larger than the server accepts ("
                + limit + " bytes, setting MaxRequestSizeBytes). Send fewer requests per batch.");
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    String bearerToken() {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null) return null;
        return auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    /** The MSCRMCallerID header as a user id, or {@code null}. */
    UUID callerId() {
        String v = request.getHeaders().get("MSCRMCallerID");
        if (v == null || v.isBlank()) return null;
        try {
            String s = v.trim();
            return UUID.fromString(s.startsWith("{") ? s.substring(1, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidCallerId, "The MSCRMCallerID header '" + v + "' is not a user id (a GUID).");
        }
    }

    void json(int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void fault(OrganizationServiceFault fault) {
        ErrorCode code = fault.catalogued();
        int status = code.httpStatus();
        if (status == 429 || status == 503) {
            Object retry = fault.errorDetails().get("Retry-After");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retry == null ? "1" : retry.toString());
        }
        json(status, SdkJson.writeFault(fault));
    }
}
