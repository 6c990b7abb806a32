package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.Relationship;

/** Links records through a relationship. */
public final class AssociateRequest extends OrganizationRequest {
    public static final String NAME = "Associate";

    public AssociateRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public AssociateRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public AssociateRequest(EntityReference target, Relationship relationship, EntityReferenceCollection relatedEntities) {
        this();
        set("Target", target);
        set("Relationship", relationship);
        set("RelatedEntities", relatedEntities);
    }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public AssociateRequest target(EntityReference value) { set("Target", value); return this; }

    public Relationship relationship() { return typed("Relationship", Relationship.class); }

    public AssociateRequest relationship(Relationship value) { set("Relationship", value); return this; }

    public EntityReferenceCollection relatedEntities() { return typed("RelatedEntities", EntityReferenceCollection.class); }

    public AssociateRequest relatedEntities(EntityReferenceCollection value) { set("RelatedEntities", value); return this; }
}
