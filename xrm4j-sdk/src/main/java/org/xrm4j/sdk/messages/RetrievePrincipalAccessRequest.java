package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;

/** Which access rights a user (the Principal) has on one record (the Target). */
public final class RetrievePrincipalAccessRequest extends OrganizationRequest {
    public static final String NAME = "RetrievePrincipalAccess";

    public RetrievePrincipalAccessRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public RetrievePrincipalAccessRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public RetrievePrincipalAccessRequest(EntityReference principal, EntityReference target) {
        this();
        set("Principal", principal);
        set("Target", target);
    }

    public EntityReference principal() { return typed("Principal", EntityReference.class); }

    public EntityReference target() { return typed("Target", EntityReference.class); }
}
