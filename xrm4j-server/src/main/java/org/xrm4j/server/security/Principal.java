package org.xrm4j.server.security;

import java.util.UUID;

/**
 * Who a bearer token belongs to: a user id, the organization the token is valid in ({@code null}: every
 * organization, the deployment administrator's), and whether the holder administers the deployment.
 */
public record Principal(UUID userId, String organization, boolean deploymentAdministrator) {}
