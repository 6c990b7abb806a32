package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpdateOptionSet, which has no results. */
public final class UpdateOptionSetResponse extends OrganizationResponse {
    public static final String NAME = "UpdateOptionSet";

    public UpdateOptionSetResponse() { super(NAME); }

    public UpdateOptionSetResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
