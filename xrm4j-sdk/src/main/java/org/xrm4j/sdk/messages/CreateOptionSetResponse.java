package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateOptionSet: the option set's MetadataId. */
public final class CreateOptionSetResponse extends OrganizationResponse {
    public static final String NAME = "CreateOptionSet";

    public CreateOptionSetResponse() { super(NAME); }

    public CreateOptionSetResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public java.util.UUID optionSetId() { return typed("OptionSetId", java.util.UUID.class); }

    public CreateOptionSetResponse optionSetId(java.util.UUID value) { set("OptionSetId", value); return this; }
}
