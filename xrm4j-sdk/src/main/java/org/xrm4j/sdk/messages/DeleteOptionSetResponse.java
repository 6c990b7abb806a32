package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteOptionSet, which has no results. */
public final class DeleteOptionSetResponse extends OrganizationResponse {
    public static final String NAME = "DeleteOptionSet";

    public DeleteOptionSetResponse() { super(NAME); }

    public DeleteOptionSetResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
