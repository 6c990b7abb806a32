package org.xrm4j.server.webapi;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.server.http.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults in the Web API's error form {@code {"error":{"code":"0x...","message":"..."}}} with the HTTP status of the
 * fault's catalogue entry, and {@code Retry-After} on the "busy" answers (429, 503) so that clients wait and retry.
 */
final class WebApiFaults {
    private WebApiFaults() {}

    static WebApiResponse answer(OrganizationServiceFault fault) {
        int status = fault.catalogued().httpStatus();
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        ObjectNode body = error.putObject("error");
        // The code the client sees is the fault's own, even when the catalogue does not list it.
        body.put("code", String.format("0x%08X", fault.errorCode()));
        body.put("message", fault.message());
        WebApiResponse answer = WebApiResponse.json(status, error.toString());
        if (status == 429 || status == 503) answer.header("Retry-After", RetryAfter.header(fault));
        return answer;
    }

    /** The fault for what a request's planning threw: a fault as it is, malformed JSON as an invalid argument. */
    static OrganizationServiceFault of(RuntimeException e) {
        if (e instanceof FaultException f) return f.fault();
        if (e instanceof JacksonException j) {
            return new OrganizationServiceFault(ErrorCodes.InvalidArgument, "The request body is not valid JSON: " + j.getOriginalMessage());
        }
        throw e;
    }
}
