package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationRequest;

/** Updates several records of one table in one transaction: all of them or none. */
public final class UpdateMultipleRequest extends OrganizationRequest {
    public static final String NAME = "UpdateMultiple";

    public UpdateMultipleRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateMultipleRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public UpdateMultipleRequest(EntityCollection targets) { this(); targets(targets); }

    /** The records to update (each with its id), all of one table (EntityName). */
    public EntityCollection targets() { return typed("Targets", EntityCollection.class); }

    public UpdateMultipleRequest targets(EntityCollection value) { set("Targets", value); return this; }
}
