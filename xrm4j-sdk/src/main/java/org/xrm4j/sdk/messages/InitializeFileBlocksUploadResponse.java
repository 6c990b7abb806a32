package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to InitializeFileBlocksUpload: FileContinuationToken. */
public final class InitializeFileBlocksUploadResponse extends OrganizationResponse {
    public static final String NAME = "InitializeFileBlocksUpload";

    public InitializeFileBlocksUploadResponse() { super(NAME); }

    public InitializeFileBlocksUploadResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public String fileContinuationToken() { return typed("FileContinuationToken", String.class); }

    public InitializeFileBlocksUploadResponse fileContinuationToken(String value) { set("FileContinuationToken", value); return this; }
}
