package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Merge. */
public final class MergeResponse extends OrganizationResponse {
    public static final String NAME = "Merge";

    public MergeResponse() { super(NAME); }

    public MergeResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
