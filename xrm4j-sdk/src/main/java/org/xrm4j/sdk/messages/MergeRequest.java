package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;

/** Merges a subordinate record into a master record. */
public final class MergeRequest extends OrganizationRequest {
    public static final String NAME = "Merge";

    public MergeRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public MergeRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public MergeRequest target(EntityReference value) { set("Target", value); return this; }

    public java.util.UUID subordinateId() { return typed("SubordinateId", java.util.UUID.class); }

    public MergeRequest subordinateId(java.util.UUID value) { set("SubordinateId", value); return this; }

    public Entity updateContent() { return typed("UpdateContent", Entity.class); }

    public MergeRequest updateContent(Entity value) { set("UpdateContent", value); return this; }

    public Boolean performParentingChecks() { return typed("PerformParentingChecks", Boolean.class); }

    public MergeRequest performParentingChecks(Boolean value) { set("PerformParentingChecks", value); return this; }
}
