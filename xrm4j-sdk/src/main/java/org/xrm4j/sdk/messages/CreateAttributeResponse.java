package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateAttribute: the new column's MetadataId. */
public final class CreateAttributeResponse extends OrganizationResponse {
    public static final String NAME = "CreateAttribute";

    public CreateAttributeResponse() { super(NAME); }

    public CreateAttributeResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID attributeId() { return typed("AttributeId", java.util.UUID.class); }

    public CreateAttributeResponse attributeId(java.util.UUID value) { set("AttributeId", value); return this; }
}
