package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to ImportSolution. */
public final class ImportSolutionResponse extends OrganizationResponse {
    public static final String NAME = "ImportSolution";

    public ImportSolutionResponse() { super(NAME); }

    public ImportSolutionResponse(java.util.Map<String, Object> results) { super(NAME, results); }
}
