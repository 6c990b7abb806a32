package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateOneToMany: the MetadataIds of the lookup column and of the relationship. */
public final class CreateOneToManyResponse extends OrganizationResponse {
    public static final String NAME = "CreateOneToMany";

    public CreateOneToManyResponse() { super(NAME); }

    public CreateOneToManyResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID attributeId() { return typed("AttributeId", java.util.UUID.class); }

    public CreateOneToManyResponse attributeId(java.util.UUID value) { set("AttributeId", value); return this; }

    public java.util.UUID relationshipId() { return typed("RelationshipId", java.util.UUID.class); }

    public CreateOneToManyResponse relationshipId(java.util.UUID value) { set("RelationshipId", value); return this; }
}
