package org.xrm4j.sdk.messages;

import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CreateMultiple: the new records' ids, in the order of the Targets. */
public final class CreateMultipleResponse extends OrganizationResponse {
    public static final String NAME = "CreateMultiple";

    public CreateMultipleResponse() { super(NAME); }

    public CreateMultipleResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    @SuppressWarnings("unchecked")
    public List<UUID> ids() { return (List<UUID>) typed("Ids", List.class); }

    public CreateMultipleResponse ids(List<UUID> value) { set("Ids", List.copyOf(value)); return this; }
}
