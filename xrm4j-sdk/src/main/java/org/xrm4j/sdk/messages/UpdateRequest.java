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

    /** How a record changed since it was read is treated; the protocol carries the behaviour's name. */
    public org.xrm4j.sdk.ConcurrencyBehavior concurrencyBehavior() { return org.xrm4j.sdk.ConcurrencyBehavior.of(get("ConcurrencyBehavior")); }

    public UpdateRequest concurrencyBehavior(org.xrm4j.sdk.ConcurrencyBehavior value) {
        set("ConcurrencyBehavior", value == null ? null : value.name());
        return this;
    }
}
