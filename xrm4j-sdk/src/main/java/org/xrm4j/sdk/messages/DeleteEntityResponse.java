package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteEntity (no results). */
public final class DeleteEntityResponse extends OrganizationResponse {
    public static final String NAME = "DeleteEntity";

    public DeleteEntityResponse() { super(NAME); }

    public DeleteEntityResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
