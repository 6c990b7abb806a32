package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DeleteAndPromote. */
public final class DeleteAndPromoteResponse extends OrganizationResponse {
    public static final String NAME = "DeleteAndPromote";

    public DeleteAndPromoteResponse() { super(NAME); }

    public DeleteAndPromoteResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID solutionId() { return typed("SolutionId", java.util.UUID.class); }

    public DeleteAndPromoteResponse solutionId(java.util.UUID value) { set("SolutionId", value); return this; }
}
