package org.xrm4j.server.security;

/** The privileges the service checks, named as the platform names them. */
public enum Privilege {
    /** Impersonate another user with CallerId. */
    prvActOnBehalfOfAnotherUser,
    /** Import, promote and delete solutions. */
    prvImportCustomization,
    /** Merge records. */
    prvMerge
}
