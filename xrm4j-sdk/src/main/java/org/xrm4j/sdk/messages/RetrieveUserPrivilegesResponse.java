package org.xrm4j.sdk.messages;

import java.util.List;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.RolePrivilege;

/** The answer to RetrieveUserPrivileges: every privilege the user holds, with its depth. */
public final class RetrieveUserPrivilegesResponse extends OrganizationResponse {
    public static final String NAME = "RetrieveUserPrivileges";

    public RetrieveUserPrivilegesResponse() { super(NAME); }

    public RetrieveUserPrivilegesResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    @SuppressWarnings("unchecked")
    public List<RolePrivilege> rolePrivileges() { return (List<RolePrivilege>) typed("RolePrivileges", List.class); }

    public RetrieveUserPrivilegesResponse rolePrivileges(List<RolePrivilege> value) { set("RolePrivileges", List.copyOf(value)); return this; }
}
