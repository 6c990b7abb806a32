package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/**
 * Creates a custom table. The protocol has no metadata types, so {@code Entity} is an Entity named
 * {@code entitymetadata} and {@code PrimaryAttribute} one named {@code attributemetadata}, with the attributes listed
 * in docs/sdk-protocol.md.
 */
public final class CreateEntityRequest extends OrganizationRequest {
    public static final String NAME = "CreateEntity";

    public CreateEntityRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateEntityRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity entity() { return typed("Entity", Entity.class); }

    public CreateEntityRequest entity(Entity value) { set("Entity", value); return this; }

    public Entity primaryAttribute() { return typed("PrimaryAttribute", Entity.class); }

    public CreateEntityRequest primaryAttribute(Entity value) { set("PrimaryAttribute", value); return this; }

    public Boolean hasActivities() { return typed("HasActivities", Boolean.class); }

    public CreateEntityRequest hasActivities(Boolean value) { set("HasActivities", value); return this; }

    public Boolean hasNotes() { return typed("HasNotes", Boolean.class); }

    public CreateEntityRequest hasNotes(Boolean value) { set("HasNotes", value); return this; }
}
