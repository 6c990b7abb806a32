package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationRequest;

/** Creates several records of one table in one transaction: all of them or none. */
public final class CreateMultipleRequest extends OrganizationRequest {
    public static final String NAME = "CreateMultiple";

    public CreateMultipleRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CreateMultipleRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public CreateMultipleRequest(EntityCollection targets) { this(); targets(targets); }

    /** The records to create, all of one table (EntityName). */
    public EntityCollection targets() { return typed("Targets", EntityCollection.class); }

    public CreateMultipleRequest targets(EntityCollection value) { set("Targets", value); return this; }
}
