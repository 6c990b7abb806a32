package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;

/** Sets a record's state and status. */
public final class SetStateRequest extends OrganizationRequest {
    public static final String NAME = "SetState";

    public SetStateRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public SetStateRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public SetStateRequest(EntityReference entityMoniker, OptionSetValue state, OptionSetValue status) {
        this();
        set("EntityMoniker", entityMoniker);
        set("State", state);
        set("Status", status);
    }

    public EntityReference entityMoniker() { return typed("EntityMoniker", EntityReference.class); }

    public SetStateRequest entityMoniker(EntityReference value) { set("EntityMoniker", value); return this; }

    public OptionSetValue state() { return typed("State", OptionSetValue.class); }

    public SetStateRequest state(OptionSetValue value) { set("State", value); return this; }

    public OptionSetValue status() { return typed("Status", OptionSetValue.class); }

    public SetStateRequest status(OptionSetValue value) { set("Status", value); return this; }
}
