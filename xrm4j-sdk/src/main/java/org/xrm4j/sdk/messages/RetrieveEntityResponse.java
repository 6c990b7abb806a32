package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationResponse;

/**
 * The answer to RetrieveEntity: {@code EntityMetadata}, an Entity named "entitymetadata" whose attributes are the
 * table's names and whose {@code Attributes} attribute is an EntityCollection of "attributemetadata" Entities, one
 * per column (the protocol document lists their fields).
 */
public final class RetrieveEntityResponse extends OrganizationResponse {
    public static final String NAME = "RetrieveEntity";

    public RetrieveEntityResponse() { super(NAME); }

    public RetrieveEntityResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Entity entityMetadata() { return typed("EntityMetadata", Entity.class); }

    public RetrieveEntityResponse entityMetadata(Entity value) { set("EntityMetadata", value); return this; }
}
