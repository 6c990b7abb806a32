package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Updates the record when it exists, creates it otherwise. */
public final class UpsertRequest extends OrganizationRequest {
    public static final String NAME = "Upsert";

    public UpsertRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpsertRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public UpsertRequest(Entity target) {
        this();
        set("Target", target);
    }

    public Entity target() { return typed("Target", Entity.class); }

    public UpsertRequest target(Entity value) { set("Target", value); return this; }
}
