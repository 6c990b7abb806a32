package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to WhoAmI. */
public final class WhoAmIResponse extends OrganizationResponse {
    public static final String NAME = "WhoAmI";

    public WhoAmIResponse() { super(NAME); }

    public WhoAmIResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID userId() { return typed("UserId", java.util.UUID.class); }

    public WhoAmIResponse userId(java.util.UUID value) { set("UserId", value); return this; }

    public java.util.UUID businessUnitId() { return typed("BusinessUnitId", java.util.UUID.class); }

    public WhoAmIResponse businessUnitId(java.util.UUID value) { set("BusinessUnitId", value); return this; }

    public java.util.UUID organizationId() { return typed("OrganizationId", java.util.UUID.class); }

    public WhoAmIResponse organizationId(java.util.UUID value) { set("OrganizationId", value); return this; }
}
