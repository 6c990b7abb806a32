package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateEntity: the MetadataIds of the new table and of its primary name column. */
public final class CreateEntityResponse extends OrganizationResponse {
    public static final String NAME = "CreateEntity";

    public CreateEntityResponse() { super(NAME); }

    public CreateEntityResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID entityId() { return typed("EntityId", java.util.UUID.class); }

    public CreateEntityResponse entityId(java.util.UUID value) { set("EntityId", value); return this; }

    public java.util.UUID attributeId() { return typed("AttributeId", java.util.UUID.class); }

    public CreateEntityResponse attributeId(java.util.UUID value) { set("AttributeId", value); return this; }
}
