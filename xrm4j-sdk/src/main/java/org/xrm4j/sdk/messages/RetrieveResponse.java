package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Retrieve. */
public final class RetrieveResponse extends OrganizationResponse {
    public static final String NAME = "Retrieve";

    public RetrieveResponse() { super(NAME); }

    public RetrieveResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Entity entity() { return typed("Entity", Entity.class); }

    public RetrieveResponse entity(Entity value) { set("Entity", value); return this; }
}
