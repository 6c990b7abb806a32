package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpdateMultiple, which has no results. */
public final class UpdateMultipleResponse extends OrganizationResponse {
    public static final String NAME = "UpdateMultiple";

    public UpdateMultipleResponse() { super(NAME); }

    public UpdateMultipleResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
