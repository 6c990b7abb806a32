package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Associate. */
public final class AssociateResponse extends OrganizationResponse {
    public static final String NAME = "Associate";

    public AssociateResponse() { super(NAME); }

    public AssociateResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
