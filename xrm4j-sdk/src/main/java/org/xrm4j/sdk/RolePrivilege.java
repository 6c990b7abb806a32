package org.xrm4j.sdk;

import java.util.UUID;

/**
 * A privilege a user holds through a security role, as RetrieveUserPrivileges answers it.
 *
 * @param depth          how far it reaches
 * @param privilegeId    the privilege's id
 * @param businessUnitId the business unit it is held in
 * @param privilegeName  its name, such as {@code prvCreateAccount}
 */
public record RolePrivilege(PrivilegeDepth depth, UUID privilegeId, UUID businessUnitId, String privilegeName) {}
