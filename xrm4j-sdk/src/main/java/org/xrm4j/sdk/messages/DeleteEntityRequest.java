package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a custom table with its rows. */
public final class DeleteEntityRequest extends OrganizationRequest {
    public static final String NAME = "DeleteEntity";

    public DeleteEntityRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteEntityRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The table's logical name. */
    public String logicalName() { return typed("LogicalName", String.class); }

    public DeleteEntityRequest logicalName(String value) { set("LogicalName", value); return this; }
}
