package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/**
 * Reads one table's definition and its columns. An xrm4j extension in shape: the SDK answers its own EntityMetadata
 * type, which the protocol does not carry, so the answer is an Entity (see {@link RetrieveEntityResponse}).
 */
public final class RetrieveEntityRequest extends OrganizationRequest {
    public static final String NAME = "RetrieveEntity";

    public RetrieveEntityRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveEntityRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public RetrieveEntityRequest(String logicalName) {
        this();
        set("LogicalName", logicalName);
    }

    public String logicalName() { return typed("LogicalName", String.class); }

    public RetrieveEntityRequest logicalName(String value) { set("LogicalName", value); return this; }

    /** The SDK's EntityFilters by name ("Entity", "Attributes", "All"); accepted and ignored: the answer is always whole. */
    public String entityFilters() { return typed("EntityFilters", String.class); }

    public RetrieveEntityRequest entityFilters(String value) { set("EntityFilters", value); return this; }
}
