package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/**
 * Changes the labels and requirement level of a column; {@code Attribute} is an Entity named
 * {@code attributemetadata} with its LogicalName and the properties to change.
 */
public final class UpdateAttributeRequest extends OrganizationRequest {
    public static final String NAME = "UpdateAttribute";

    public UpdateAttributeRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateAttributeRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public String entityName() { return typed("EntityName", String.class); }

    public UpdateAttributeRequest entityName(String value) { set("EntityName", value); return this; }

    public Entity attribute() { return typed("Attribute", Entity.class); }

    public UpdateAttributeRequest attribute(Entity value) { set("Attribute", value); return this; }

    public Boolean mergeLabels() { return typed("MergeLabels", Boolean.class); }

    public UpdateAttributeRequest mergeLabels(Boolean value) { set("MergeLabels", value); return this; }
}
