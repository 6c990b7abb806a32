package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a record. */
public final class DeleteRequest extends OrganizationRequest {
    public static final String NAME = "Delete";

    public DeleteRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public DeleteRequest(EntityReference target) {
        this();
        set("Target", target);
    }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public DeleteRequest target(EntityReference value) { set("Target", value); return this; }

    /** How a record changed since it was read is treated; the protocol carries the behaviour's name. */
    public org.xrm4j.sdk.ConcurrencyBehavior concurrencyBehavior() { return org.xrm4j.sdk.ConcurrencyBehavior.of(get("ConcurrencyBehavior")); }

    public DeleteRequest concurrencyBehavior(org.xrm4j.sdk.ConcurrencyBehavior value) {
        set("ConcurrencyBehavior", value == null ? null : value.name());
        return this;
    }
}
