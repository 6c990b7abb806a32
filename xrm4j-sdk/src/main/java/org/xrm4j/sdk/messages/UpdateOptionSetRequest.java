package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;

/** Changes a global option set's labels; {@code OptionSet} is an Entity named {@code optionsetmetadata} with its Name. */
public final class UpdateOptionSetRequest extends OrganizationRequest {
    public static final String NAME = "UpdateOptionSet";

    public UpdateOptionSetRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UpdateOptionSetRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Entity optionSet() { return typed("OptionSet", Entity.class); }

    public UpdateOptionSetRequest optionSet(Entity value) { set("OptionSet", value); return this; }

    public Boolean mergeLabels() { return typed("MergeLabels", Boolean.class); }

    public UpdateOptionSetRequest mergeLabels(Boolean value) { set("MergeLabels", value); return this; }
}
