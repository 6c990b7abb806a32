package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to RetrieveOptionSet: the option set as an Entity named {@code optionsetmetadata}. */
public final class RetrieveOptionSetResponse extends OrganizationResponse {
    public static final String NAME = "RetrieveOptionSet";

    public RetrieveOptionSetResponse() { super(NAME); }

    public RetrieveOptionSetResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public Entity optionSetMetadata() { return typed("OptionSetMetadata", Entity.class); }

    public RetrieveOptionSetResponse optionSetMetadata(Entity value) { set("OptionSetMetadata", value); return this; }
}
