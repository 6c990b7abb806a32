package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UploadBlock (no results). */
public final class UploadBlockResponse extends OrganizationResponse {
    public static final String NAME = "UploadBlock";

    public UploadBlockResponse() { super(NAME); }

    public UploadBlockResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
