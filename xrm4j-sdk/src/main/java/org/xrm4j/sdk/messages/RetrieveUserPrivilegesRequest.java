package org.xrm4j.sdk.messages;

import java.util.UUID;
import org.xrm4j.sdk.OrganizationRequest;

/** The privileges a user holds through their security roles. */
public final class RetrieveUserPrivilegesRequest extends OrganizationRequest {
    public static final String NAME = "RetrieveUserPrivileges";

    public RetrieveUserPrivilegesRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrieveUserPrivilegesRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public RetrieveUserPrivilegesRequest(UUID userId) { this(); userId(userId); }

    /** The systemuser whose privileges are asked for. */
    public UUID userId() { return typed("UserId", UUID.class); }

    public RetrieveUserPrivilegesRequest userId(UUID value) { set("UserId", value); return this; }
}
