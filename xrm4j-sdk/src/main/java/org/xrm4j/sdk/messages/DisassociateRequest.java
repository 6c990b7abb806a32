package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.Relationship;

/** Unlinks records of a relationship. */
public final class DisassociateRequest extends OrganizationRequest {
    public static final String NAME = "Disassociate";

    public DisassociateRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DisassociateRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public DisassociateRequest(EntityReference target, Relationship relationship, EntityReferenceCollection relatedEntities) {
        this();
        set("Target", target);
        set("Relationship", relationship);
        set("RelatedEntities", relatedEntities);
    }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public DisassociateRequest target(EntityReference value) { set("Target", value); return this; }

    public Relationship relationship() { return typed("Relationship", Relationship.class); }

    public DisassociateRequest relationship(Relationship value) { set("Relationship", value); return this; }

    public EntityReferenceCollection relatedEntities() { return typed("RelatedEntities", EntityReferenceCollection.class); }

    public DisassociateRequest relatedEntities(EntityReferenceCollection value) { set("RelatedEntities", value); return this; }
}
