package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteFile (no results). */
public final class DeleteFileResponse extends OrganizationResponse {
    public static final String NAME = "DeleteFile";

    public DeleteFileResponse() { super(NAME); }

    public DeleteFileResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
