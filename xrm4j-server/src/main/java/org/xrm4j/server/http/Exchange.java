package org.xrm4j.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;

/** Reading and answering one HTTP request: body with a size limit, bearer token, CallerId, JSON and fault replies. */
final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean bodyRead;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    Request request() { return request; }

    byte[] body(long limit) throws IOException {
        bodyRead = true;
        return RequestParts.body(request, limit);
    }

    String bearerToken() { return RequestParts.bearerToken(request); }

    UUID callerId() { return RequestParts.callerId(request); }

    void header(String name, String value) { response.getHeaders().put(name, value); }

    void json(int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void fault(OrganizationServiceFault fault) {
        ErrorCode code = fault.catalogued();
        int status = code.httpStatus();
        if (status == 429 || status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RetryAfter.header(fault));
        }
        // Refused before its body was read (no token, say), the request leaves that body on the connection; the
        // client must open a new one for its next request rather than have it cut off under that request.
        if (!bodyRead && request.getLength() != 0) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        json(status, SdkJson.writeFault(fault));
    }
}
