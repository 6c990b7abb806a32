package org.xrm4j.sdk.messages;

import java.util.List;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to UpsertMultiple: one UpsertResponse per Target, in their order, telling which were created. */
public final class UpsertMultipleResponse extends OrganizationResponse {
    public static final String NAME = "UpsertMultiple";

    public UpsertMultipleResponse() { super(NAME); }

    public UpsertMultipleResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    /**
     * Each Target's UpsertResponse (RecordCreated, Target): the response's {@code Results}, named apart from
     * {@link #results()}, the map of every response's results.
     */
    public List<UpsertResponse> upsertResults() {
        List<?> list = typed("Results", List.class);
        if (list == null) return null;
        // Decoded from the wire, the items are the registry's typed UpsertResponse already; built here, too.
        return list.stream().map(r -> r instanceof UpsertResponse u ? u : new UpsertResponse(((OrganizationResponse) r).results())).toList();
    }

    public UpsertMultipleResponse upsertResults(List<UpsertResponse> value) { set("Results", List.copyOf(value)); return this; }
}
