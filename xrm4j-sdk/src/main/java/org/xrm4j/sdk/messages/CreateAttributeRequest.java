package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Adds a column to a table; {@code Attribute} is an Entity named {@code attributemetadata}. */
public final class CreateAttributeRequest extends OrganizationRequest {
    public static final String NAME = "CreateAttribute";

    public CreateAttributeRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateAttributeRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public String entityName() { return typed("EntityName", String.class); }

    public CreateAttributeRequest entityName(String value) { set("EntityName", value); return this; }

    public Entity attribute() { return typed("Attribute", Entity.class); }

    public CreateAttributeRequest attribute(Entity value) { set("Attribute", value); return this; }
}
