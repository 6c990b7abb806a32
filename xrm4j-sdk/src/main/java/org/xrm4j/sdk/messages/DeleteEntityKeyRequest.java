package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Removes an alternate key of a table. */
public final class DeleteEntityKeyRequest extends OrganizationRequest {
    public static final String NAME = "DeleteEntityKey";

    public DeleteEntityKeyRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteEntityKeyRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The table's logical name. */
    public String entityLogicalName() { return typed("EntityLogicalName", String.class); }

    public DeleteEntityKeyRequest entityLogicalName(String value) { set("EntityLogicalName", value); return this; }

    /** The key's logical name. */
    public String name() { return typed("Name", String.class); }

    public DeleteEntityKeyRequest name(String value) { set("Name", value); return this; }
}
