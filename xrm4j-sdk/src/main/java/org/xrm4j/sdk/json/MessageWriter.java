package org.xrm4j.sdk.json;

import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import tools.jackson.core.JsonGenerator;

/**
 * Writes requests, responses, faults and ExecuteMultiple items. The same shapes serve as a whole body (untagged
 * envelope) and nested in a value (tagged {@code OrganizationRequest} / {@code OrganizationResponse}).
 */
final class MessageWriter {
    private MessageWriter() {}

    static void request(JsonGenerator g, OrganizationRequest r, boolean tagged) {
        open(g, "OrganizationRequest", tagged).writeStringProperty("RequestName", r.requestName());
        if (r.requestId() != null) g.writeStringProperty("RequestId", r.requestId().toString());
        g.writeName("Parameters");
        ValueWriter.map(g, r.parameters());
        g.writeEndObject();
    }

    static void response(JsonGenerator g, OrganizationResponse r, boolean tagged) {
        open(g, "OrganizationResponse", tagged).writeStringProperty("ResponseName", r.responseName());
        g.writeName("Results");
        ValueWriter.map(g, r.results());
        g.writeEndObject();
    }

    static void responseItem(JsonGenerator g, ExecuteMultipleResponseItem item) {
        ValueWriter.type(g, "ExecuteMultipleResponseItem").writeNumberProperty("RequestIndex", item.requestIndex());
        g.writeName("Response");
        if (item.response() == null) g.writeNull();
        else response(g, item.response(), true);
        g.writeName("Fault");
        fault(g, item.fault());
        g.writeEndObject();
    }

    /** A fault object, or JSON null for {@code null}. */
    static void fault(JsonGenerator g, OrganizationServiceFault f) {
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("ErrorCode", f.errorCode());
        g.writeStringProperty("Message", f.message());
        g.writeName("ErrorDetails");
        ValueWriter.map(g, f.errorDetails());
        g.writeStringProperty("Timestamp", f.timestamp().toString());
        g.writeName("InnerFault");
        fault(g, f.innerFault());
        g.writeStringProperty("TraceText", f.traceText());
        if (f instanceof ExecuteTransactionFault t) g.writeNumberProperty("FaultedRequestIndex", t.faultedRequestIndex());
        g.writeEndObject();
    }

    /** The {@code {"Fault": ...}} body of a failed call. */
    static void faultBody(JsonGenerator g, OrganizationServiceFault f) {
        g.writeStartObject();
        g.writeName("Fault");
        fault(g, f);
        g.writeEndObject();
    }

    private static JsonGenerator open(JsonGenerator g, String type, boolean tagged) {
        if (tagged) return ValueWriter.type(g, type);
        g.writeStartObject();
        return g;
    }

}
