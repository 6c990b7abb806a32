package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteAttribute (no results). */
public final class DeleteAttributeResponse extends OrganizationResponse {
    public static final String NAME = "DeleteAttribute";

    public DeleteAttributeResponse() { super(NAME); }

    public DeleteAttributeResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
