package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.query.ColumnSet;

/** Reads one record. */
public final class RetrieveRequest extends OrganizationRequest {
    public static final String NAME = "Retrieve";

    public RetrieveRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public RetrieveRequest(EntityReference target, ColumnSet columnSet) {
        this();
        set("Target", target);
        set("ColumnSet", columnSet);
    }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public RetrieveRequest target(EntityReference value) { set("Target", value); return this; }

    public ColumnSet columnSet() { return typed("ColumnSet", ColumnSet.class); }

    public RetrieveRequest columnSet(ColumnSet value) { set("ColumnSet", value); return this; }
}
