package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteRelationship, which has no results. */
public final class DeleteRelationshipResponse extends OrganizationResponse {
    public static final String NAME = "DeleteRelationship";

    public DeleteRelationshipResponse() { super(NAME); }

    public DeleteRelationshipResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
