package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.OrganizationRequest;

/** Runs requests in order, each in its own transaction. */
public final class ExecuteMultipleRequest extends OrganizationRequest {
    public static final String NAME = "ExecuteMultiple";

    public ExecuteMultipleRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public ExecuteMultipleRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public ExecuteMultipleRequest(java.util.List<OrganizationRequest> requests, ExecuteMultipleSettings settings) {
        this();
        set("Requests", requests);
        set("Settings", settings);
    }

    @SuppressWarnings("unchecked")
    public java.util.List<OrganizationRequest> requests() { return (java.util.List<OrganizationRequest>) typed("Requests", java.util.List.class); }

    public ExecuteMultipleRequest requests(java.util.List<OrganizationRequest> value) { set("Requests", value); return this; }

    public ExecuteMultipleSettings settings() { return typed("Settings", ExecuteMultipleSettings.class); }

    public ExecuteMultipleRequest settings(ExecuteMultipleSettings value) { set("Settings", value); return this; }
}
