package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Changes a relationship's cascade configuration and navigation property names; {@code Relationship} is an Entity named {@code onetomanyrelationshipmetadata} or {@code manytomanyrelationshipmetadata} with its SchemaName. */
public final class UpdateRelationshipRequest extends OrganizationRequest {
    public static final String NAME = "UpdateRelationship";

    public UpdateRelationshipRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateRelationshipRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity relationship() { return typed("Relationship", Entity.class); }

    public UpdateRelationshipRequest relationship(Entity value) { set("Relationship", value); return this; }

    public Boolean mergeLabels() { return typed("MergeLabels", Boolean.class); }

    public UpdateRelationshipRequest mergeLabels(Boolean value) { set("MergeLabels", value); return this; }
}
