package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to ExecuteAsync. */
public final class ExecuteAsyncResponse extends OrganizationResponse {
    public static final String NAME = "ExecuteAsync";

    public ExecuteAsyncResponse() { super(NAME); }

    public ExecuteAsyncResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID asyncJobId() { return typed("AsyncJobId", java.util.UUID.class); }

    public ExecuteAsyncResponse asyncJobId(java.util.UUID value) { set("AsyncJobId", value); return this; }
}
