package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Who the caller is. */
public final class WhoAmIRequest extends OrganizationRequest {
    public static final String NAME = "WhoAmI";

    public WhoAmIRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public WhoAmIRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }
}
