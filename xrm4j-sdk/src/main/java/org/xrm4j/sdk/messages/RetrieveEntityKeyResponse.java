package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to RetrieveEntityKey: the key as an Entity named {@code entitykeymetadata}. */
public final class RetrieveEntityKeyResponse extends OrganizationResponse {
    public static final String NAME = "RetrieveEntityKey";

    public RetrieveEntityKeyResponse() { super(NAME); }

    public RetrieveEntityKeyResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Entity entityKeyMetadata() { return typed("EntityKeyMetadata", Entity.class); }

    public RetrieveEntityKeyResponse entityKeyMetadata(Entity value) { set("EntityKeyMetadata", value); return this; }
}
