package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteEntityKey (no results). */
public final class DeleteEntityKeyResponse extends OrganizationResponse {
    public static final String NAME = "DeleteEntityKey";

    public DeleteEntityKeyResponse() { super(NAME); }

    public DeleteEntityKeyResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
