package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateManyToMany: the relationship's MetadataId. */
public final class CreateManyToManyResponse extends OrganizationResponse {
    public static final String NAME = "CreateManyToMany";

    public CreateManyToManyResponse() { super(NAME); }

    public CreateManyToManyResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID manyToManyRelationshipId() { return typed("ManyToManyRelationshipId", java.util.UUID.class); }

    public CreateManyToManyResponse manyToManyRelationshipId(java.util.UUID value) { set("ManyToManyRelationshipId", value); return this; }
}
