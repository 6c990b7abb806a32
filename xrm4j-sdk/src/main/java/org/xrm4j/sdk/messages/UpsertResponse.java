package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to Upsert. */
public final class UpsertResponse extends OrganizationResponse {
    public static final String NAME = "Upsert";

    public UpsertResponse() { super(NAME); }

    public UpsertResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Boolean recordCreated() { return typed("RecordCreated", Boolean.class); }

    public UpsertResponse recordCreated(Boolean value) { set("RecordCreated", value); return this; }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public UpsertResponse target(EntityReference value) { set("Target", value); return this; }
}
