package org.xrm4j.server.security;

import java.util.EnumSet;
import java.util.Set;

/** The security roles: System Administrator holds every privilege, Basic User only record access. */
public enum Role {
    SystemAdministrator("System Administrator", EnumSet.allOf(Privilege.class)),
    BasicUser("Basic User", EnumSet.of(Privilege.prvMerge));

    private final String roleName;
    private final Set<Privilege> privileges;

    Role(String roleName, Set<Privilege> privileges) {
        this.roleName = roleName;
        this.privileges = privileges;
    }

    public String roleName() { return roleName; }

    public Set<Privilege> privileges() { return privileges; }

    public static Role byName(String name) {
        for (Role r : values()) if (r.roleName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) return r;
        throw new IllegalArgumentException("Unknown role '" + name + "'. Roles: System Administrator, Basic User.");
    }
}
