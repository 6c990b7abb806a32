package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Reads a global option set by Name or MetadataId. */
public final class RetrieveOptionSetRequest extends OrganizationRequest {
    public static final String NAME = "RetrieveOptionSet";

    public RetrieveOptionSetRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveOptionSetRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public String name() { return typed("Name", String.class); }

    public RetrieveOptionSetRequest name(String value) { set("Name", value); return this; }

    public java.util.UUID metadataId() { return typed("MetadataId", java.util.UUID.class); }

    public RetrieveOptionSetRequest metadataId(java.util.UUID value) { set("MetadataId", value); return this; }
}
