package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Runs requests in one transaction: all or nothing. */
public final class ExecuteTransactionRequest extends OrganizationRequest {
    public static final String NAME = "ExecuteTransaction";

    public ExecuteTransactionRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public ExecuteTransactionRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public ExecuteTransactionRequest(java.util.List<OrganizationRequest> requests, Boolean returnResponses) {
        this();
        set("Requests", requests);
        set("ReturnResponses", returnResponses);
    }

    @SuppressWarnings("unchecked")
    public java.util.List<OrganizationRequest> requests() { return (java.util.List<OrganizationRequest>) typed("Requests", java.util.List.class); }

    public ExecuteTransactionRequest requests(java.util.List<OrganizationRequest> value) { set("Requests", value); return this; }

    public Boolean returnResponses() { return typed("ReturnResponses", Boolean.class); }

    public ExecuteTransactionRequest returnResponses(Boolean value) { set("ReturnResponses", value); return this; }
}
