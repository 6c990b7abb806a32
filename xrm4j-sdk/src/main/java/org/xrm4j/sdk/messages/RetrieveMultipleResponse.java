package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to RetrieveMultiple. */
public final class RetrieveMultipleResponse extends OrganizationResponse {
    public static final String NAME = "RetrieveMultiple";

    public RetrieveMultipleResponse() { super(NAME); }

    public RetrieveMultipleResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public EntityCollection entityCollection() { return typed("EntityCollection", EntityCollection.class); }

    public RetrieveMultipleResponse entityCollection(EntityCollection value) { set("EntityCollection", value); return this; }
}
