package org.xrm4j.server.async;

import java.util.UUID;

/** A claimed system job: its row's id, the queued request (protocol JSON), and who queued it, with what depth. */
record Job(UUID id, String data, UUID userId, UUID initiatingUserId, UUID correlationId, int depth, String messageName) {}
