package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateEntityKey: the new key's MetadataId. */
public final class CreateEntityKeyResponse extends OrganizationResponse {
    public static final String NAME = "CreateEntityKey";

    public CreateEntityKeyResponse() { super(NAME); }

    public CreateEntityKeyResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID entityKeyId() { return typed("EntityKeyId", java.util.UUID.class); }

    public CreateEntityKeyResponse entityKeyId(java.util.UUID value) { set("EntityKeyId", value); return this; }
}
