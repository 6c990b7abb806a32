package org.xrm4j.server.query;

import java.time.Instant;
import java.util.UUID;

/** What conditions may refer to besides the query: the calling user, their business unit, and now. */
public record QueryScope(UUID userId, UUID businessUnitId, Instant now) {}
