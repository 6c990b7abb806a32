package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationRequest;

/**
 * Creates or updates several records of one table in one transaction: all of them or none. Each record names itself
 * by its id or by the values of one of the table's alternate keys (KeyAttributes), as an Upsert's Target does.
 */
public final class UpsertMultipleRequest extends OrganizationRequest {
    public static final String NAME = "UpsertMultiple";

    public UpsertMultipleRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpsertMultipleRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public UpsertMultipleRequest(EntityCollection targets) { this(); targets(targets); }

    /** The records to upsert, all of one table (EntityName). */
    public EntityCollection targets() { return typed("Targets", EntityCollection.class); }

    public UpsertMultipleRequest targets(EntityCollection value) { set("Targets", value); return this; }
}
