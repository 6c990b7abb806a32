package org.xrm4j.sdk.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.Messages;
import tools.jackson.databind.JsonNode;

/**
 * Decodes requests, responses, faults and ExecuteMultiple items, whether they are a whole body or nested in a value.
 * Requests and responses come back typed through {@link Messages}, so a caller can cast a Create to
 * {@code CreateRequest}; a message without a typed class stays a plain {@link OrganizationRequest}.
 */
final class MessageReader {
    private MessageReader() {}

    static OrganizationRequest request(JsonNode o) {
        String name = JsonFields.requiredString(o, "RequestName", "The request");
        Map<String, Object> parameters = ValueReader.map(o, "Parameters");
        OrganizationRequest r = Messages.request(name, parameters);
        r.requestId(JsonFields.guid(o, "RequestId"));
        return r;
    }

    static OrganizationResponse response(JsonNode o) {
        String name = JsonFields.requiredString(o, "ResponseName", "The response");
        return Messages.response(name, ValueReader.map(o, "Results"));
    }

    static ExecuteMultipleResponseItem responseItem(JsonNode o) {
        int index = JsonFields.requiredInt32(o, "RequestIndex", "ExecuteMultipleResponseItem");
        JsonNode r = JsonFields.object(o, "Response");
        OrganizationResponse response = null;
        if (r != null) {
            try {
                ValueReader.expectType(r, "OrganizationResponse");
                response = response(r);
            } catch (JsonDecodeException e) {
                throw e.at("Response");
            }
        }
        JsonNode f = JsonFields.object(o, "Fault");
        OrganizationServiceFault fault = null;
        if (f != null) {
            try {
                fault = fault(f);
            } catch (JsonDecodeException e) {
                throw e.at("Fault");
            }
        }
        return new ExecuteMultipleResponseItem(index, response, fault);
    }

    /** A fault object; a FaultedRequestIndex makes it an {@link ExecuteTransactionFault}. */
    static OrganizationServiceFault fault(JsonNode o) {
        int code = errorCode(JsonFields.required(o, "ErrorCode", "The fault"));
        String message = JsonFields.requiredString(o, "Message", "The fault");
        Map<String, Object> details = ValueReader.map(o, "ErrorDetails");
        Instant timestamp = timestamp(o);
        JsonNode inner = JsonFields.object(o, "InnerFault");
        OrganizationServiceFault innerFault = null;
        if (inner != null) {
            try {
                innerFault = fault(inner);
            } catch (JsonDecodeException e) {
                throw e.at("InnerFault");
            }
        }
        String trace = JsonFields.string(o, "TraceText");
        Integer index = JsonFields.optionalInt32(o, "FaultedRequestIndex");
        return index == null
                ? new OrganizationServiceFault(code, message, details, timestamp, innerFault, trace)
                : new ExecuteTransactionFault(code, message, details, timestamp, innerFault, trace, index);
    }

    /** Signed as the SDK writes it (-2147220969); the unsigned reading of the same 32 bits is accepted too. */
    private static int errorCode(JsonNode n) {
        if (n.isInt()) return n.intValue();
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            long v = n.longValue();
            if (v > 0 && v <= 0xFFFF_FFFFL) return (int) v;
        }
        throw JsonFields.wrongType("ErrorCode", "a 32-bit error code", n);
    }

    /** A fault without a timestamp gets the time it was read: the model requires one. */
    private static Instant timestamp(JsonNode o) {
        String s = JsonFields.string(o, "Timestamp");
        if (s == null) return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new JsonDecodeException("'" + s + "' is not an ISO-8601 UTC timestamp").at("Timestamp");
        }
    }
}
