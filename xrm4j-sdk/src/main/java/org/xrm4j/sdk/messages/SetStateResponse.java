package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to SetState. */
public final class SetStateResponse extends OrganizationResponse {
    public static final String NAME = "SetState";

    public SetStateResponse() { super(NAME); }

    public SetStateResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
