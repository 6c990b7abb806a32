package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to ExecuteTransaction. */
public final class ExecuteTransactionResponse extends OrganizationResponse {
    public static final String NAME = "ExecuteTransaction";

    public ExecuteTransactionResponse() { super(NAME); }

    public ExecuteTransactionResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    @SuppressWarnings("unchecked")
    public java.util.List<OrganizationResponse> responses() { return (java.util.List<OrganizationResponse>) typed("Responses", java.util.List.class); }

    public ExecuteTransactionResponse responses(java.util.List<OrganizationResponse> value) { set("Responses", value); return this; }
}
