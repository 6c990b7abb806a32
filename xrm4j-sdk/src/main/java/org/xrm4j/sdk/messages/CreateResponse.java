package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Create. */
public final class CreateResponse extends OrganizationResponse {
    public static final String NAME = "Create";

    public CreateResponse() { super(NAME); }

    public CreateResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID id() { return typed("id", java.util.UUID.class); }

    public CreateResponse id(java.util.UUID value) { set("id", value); return this; }
}
