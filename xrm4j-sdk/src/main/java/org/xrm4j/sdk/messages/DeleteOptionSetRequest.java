package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a global option set no column uses. */
public final class DeleteOptionSetRequest extends OrganizationRequest {
    public static final String NAME = "DeleteOptionSet";

    public DeleteOptionSetRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteOptionSetRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    /** The option set's Name. */
    public String name() { return typed("Name", String.class); }

    public DeleteOptionSetRequest name(String value) { set("Name", value); return this; }
}
