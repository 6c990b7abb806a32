package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Defines an alternate key of a table; {@code EntityKey} is an Entity named {@code entitykeymetadata}. */
public final class CreateEntityKeyRequest extends OrganizationRequest {
    public static final String NAME = "CreateEntityKey";

    public CreateEntityKeyRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateEntityKeyRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The table's logical name. */
    public String entityName() { return typed("EntityName", String.class); }

    public CreateEntityKeyRequest entityName(String value) { set("EntityName", value); return this; }

    /** SchemaName, LogicalName (optional), KeyAttributes (the column names), DisplayName. */
    public Entity entityKey() { return typed("EntityKey", Entity.class); }

    public CreateEntityKeyRequest entityKey(Entity value) { set("EntityKey", value); return this; }

    /** Optional: the unmanaged solution that holds the key. */
    public String solutionUniqueName() { return typed("SolutionUniqueName", String.class); }

    public CreateEntityKeyRequest solutionUniqueName(String value) { set("SolutionUniqueName", value); return this; }
}
