package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpdateRelationship, which has no results. */
public final class UpdateRelationshipResponse extends OrganizationResponse {
    public static final String NAME = "UpdateRelationship";

    public UpdateRelationshipResponse() { super(NAME); }

    public UpdateRelationshipResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
