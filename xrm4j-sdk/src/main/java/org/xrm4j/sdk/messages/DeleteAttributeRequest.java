package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a custom column with its values. */
public final class DeleteAttributeRequest extends OrganizationRequest {
    public static final String NAME = "DeleteAttribute";

    public DeleteAttributeRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteAttributeRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The table's logical name. */
    public String entityLogicalName() { return typed("EntityLogicalName", String.class); }

    public DeleteAttributeRequest entityLogicalName(String value) { set("EntityLogicalName", value); return this; }

    /** The column's logical name. */
    public String logicalName() { return typed("LogicalName", String.class); }

    public DeleteAttributeRequest logicalName(String value) { set("LogicalName", value); return this; }
}
