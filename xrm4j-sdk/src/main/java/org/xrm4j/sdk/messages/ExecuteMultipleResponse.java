package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to ExecuteMultiple. */
public final class ExecuteMultipleResponse extends OrganizationResponse {
    public static final String NAME = "ExecuteMultiple";

    public ExecuteMultipleResponse() { super(NAME); }

    public ExecuteMultipleResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Boolean isFaulted() { return typed("IsFaulted", Boolean.class); }

    public ExecuteMultipleResponse isFaulted(Boolean value) { set("IsFaulted", value); return this; }

    @SuppressWarnings("unchecked")
    public java.util.List<ExecuteMultipleResponseItem> responses() { return (java.util.List<ExecuteMultipleResponseItem>) typed("Responses", java.util.List.class); }

    public ExecuteMultipleResponse responses(java.util.List<ExecuteMultipleResponseItem> value) { set("Responses", value); return this; }
}
