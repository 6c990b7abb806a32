package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Update. */
public final class UpdateResponse extends OrganizationResponse {
    public static final String NAME = "Update";

    public UpdateResponse() { super(NAME); }

    public UpdateResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
