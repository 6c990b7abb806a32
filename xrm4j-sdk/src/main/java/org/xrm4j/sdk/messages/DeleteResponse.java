package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Delete. */
public final class DeleteResponse extends OrganizationResponse {
    public static final String NAME = "Delete";

    public DeleteResponse() { super(NAME); }

    public DeleteResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
