package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpdateAttribute, which has no results. */
public final class UpdateAttributeResponse extends OrganizationResponse {
    public static final String NAME = "UpdateAttribute";

    public UpdateAttributeResponse() { super(NAME); }

    public UpdateAttributeResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
