package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Disassociate. */
public final class DisassociateResponse extends OrganizationResponse {
    public static final String NAME = "Disassociate";

    public DisassociateResponse() { super(NAME); }

    public DisassociateResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
