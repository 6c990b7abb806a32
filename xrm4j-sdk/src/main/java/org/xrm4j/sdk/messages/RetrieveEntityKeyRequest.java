package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Reads one alternate key of a table, by LogicalName or MetadataId. */
public final class RetrieveEntityKeyRequest extends OrganizationRequest {
    public static final String NAME = "RetrieveEntityKey";

    public RetrieveEntityKeyRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveEntityKeyRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The table's logical name. */
    public String entityLogicalName() { return typed("EntityLogicalName", String.class); }

    public RetrieveEntityKeyRequest entityLogicalName(String value) { set("EntityLogicalName", value); return this; }

    /** The key's logical name (or give MetadataId). */
    public String logicalName() { return typed("LogicalName", String.class); }

    public RetrieveEntityKeyRequest logicalName(String value) { set("LogicalName", value); return this; }

    /** The key's MetadataId (or give LogicalName). */
    public java.util.UUID metadataId() { return typed("MetadataId", java.util.UUID.class); }

    public RetrieveEntityKeyRequest metadataId(java.util.UUID value) { set("MetadataId", value); return this; }
}
