package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Changes the given columns of a record. */
public final class UpdateRequest extends OrganizationRequest {
    public static final String NAME = "Update";

    public UpdateRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public UpdateRequest(Entity target) {
        this();
        set("Target", target);
    }

    public Entity target() { return typed("Target", Entity.class); }

    public UpdateRequest target(Entity value) { set("Target", value); return this; }
}
