package org.xrm4j.server.security;

import java.util.Set;
import java.util.UUID;

/** An authenticated user of one organization, with what their roles allow. */
public record Caller(UUID userId, UUID businessUnitId, Set<Privilege> privileges, boolean deploymentAdministrator) {
    public boolean has(Privilege p) { return privileges.contains(p); }
}
