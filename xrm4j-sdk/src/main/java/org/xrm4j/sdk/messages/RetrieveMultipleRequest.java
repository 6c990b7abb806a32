package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.query.QueryBase;

/** Runs a query. */
public final class RetrieveMultipleRequest extends OrganizationRequest {
    public static final String NAME = "RetrieveMultiple";

    public RetrieveMultipleRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveMultipleRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public RetrieveMultipleRequest(QueryBase query) {
        this();
        set("Query", query);
    }

    public QueryBase query() { return typed("Query", QueryBase.class); }

    public RetrieveMultipleRequest query(QueryBase value) { set("Query", value); return this; }
}
