package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/**
 * Changes the labels of a table; {@code Entity} is an Entity named {@code entitymetadata} with its LogicalName and
 * the properties to change.
 */
public final class UpdateEntityRequest extends OrganizationRequest {
    public static final String NAME = "UpdateEntity";

    public UpdateEntityRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateEntityRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity entity() { return typed("Entity", Entity.class); }

    public UpdateEntityRequest entity(Entity value) { set("Entity", value); return this; }

    public Boolean mergeLabels() { return typed("MergeLabels", Boolean.class); }

    public UpdateEntityRequest mergeLabels(Boolean value) { set("MergeLabels", value); return this; }
}
