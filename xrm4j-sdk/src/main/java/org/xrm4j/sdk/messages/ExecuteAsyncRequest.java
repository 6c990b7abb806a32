package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Queues a request as a system job. */
public final class ExecuteAsyncRequest extends OrganizationRequest {
    public static final String NAME = "ExecuteAsync";

    public ExecuteAsyncRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public ExecuteAsyncRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public ExecuteAsyncRequest(OrganizationRequest request) {
        this();
        set("Request", request);
    }

    public OrganizationRequest request() { return typed("Request", OrganizationRequest.class); }

    public ExecuteAsyncRequest request(OrganizationRequest value) { set("Request", value); return this; }
}
