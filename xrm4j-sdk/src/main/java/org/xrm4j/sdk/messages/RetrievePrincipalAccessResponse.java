package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/**
 * The answer to RetrievePrincipalAccess: AccessRights as the platform's flags enum prints them, the rights in
 * ascending flag order separated by ", " (e.g. {@code "ReadAccess, WriteAccess"}; {@code "None"} for none).
 */
public final class RetrievePrincipalAccessResponse extends OrganizationResponse {
    public static final String NAME = "RetrievePrincipalAccess";

    public RetrievePrincipalAccessResponse() { super(NAME); }

    public RetrievePrincipalAccessResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public String accessRights() { return typed("AccessRights", String.class); }

    public RetrievePrincipalAccessResponse accessRights(String value) { set("AccessRights", value); return this; }
}
