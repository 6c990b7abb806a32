package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a custom relationship by schema name; a one-to-many one takes its lookup column along. */
public final class DeleteRelationshipRequest extends OrganizationRequest {
    public static final String NAME = "DeleteRelationship";

    public DeleteRelationshipRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteRelationshipRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The relationship's SchemaName. */
    public String name() { return typed("Name", String.class); }

    public DeleteRelationshipRequest name(String value) { set("Name", value); return this; }
}
