package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to ImportSolutionAsync. */
public final class ImportSolutionAsyncResponse extends OrganizationResponse {
    public static final String NAME = "ImportSolutionAsync";

    public ImportSolutionAsyncResponse() { super(NAME); }

    public ImportSolutionAsyncResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID asyncOperationId() { return typed("AsyncOperationId", java.util.UUID.class); }

    public ImportSolutionAsyncResponse asyncOperationId(java.util.UUID value) { set("AsyncOperationId", value); return this; }

    public String importJobKey() { return typed("ImportJobKey", String.class); }

    public ImportSolutionAsyncResponse importJobKey(String value) { set("ImportJobKey", value); return this; }
}
