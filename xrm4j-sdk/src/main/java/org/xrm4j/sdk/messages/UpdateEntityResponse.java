package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpdateEntity, which has no results. */
public final class UpdateEntityResponse extends OrganizationResponse {
    public static final String NAME = "UpdateEntity";

    public UpdateEntityResponse() { super(NAME); }

    public UpdateEntityResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
