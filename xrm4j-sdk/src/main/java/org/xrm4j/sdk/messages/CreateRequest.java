package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Creates a record. */
public final class CreateRequest extends OrganizationRequest {
    public static final String NAME = "Create";

    public CreateRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public CreateRequest(Entity target) {
        this();
        set("Target", target);
    }

    public Entity target() { return typed("Target", Entity.class); }

    public CreateRequest target(Entity value) { set("Target", value); return this; }
}
