package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Replaces a solution with its staged upgrade. */
public final class DeleteAndPromoteRequest extends OrganizationRequest {
    public static final String NAME = "DeleteAndPromote";

    public DeleteAndPromoteRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteAndPromoteRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public DeleteAndPromoteRequest(String uniqueName) {
        this();
        set("UniqueName", uniqueName);
    }

    public String uniqueName() { return typed("UniqueName", String.class); }

    public DeleteAndPromoteRequest uniqueName(String value) { set("UniqueName", value); return this; }
}
