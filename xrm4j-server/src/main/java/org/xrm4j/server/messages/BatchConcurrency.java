package org.xrm4j.server.messages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The per-organization limit on concurrent ExecuteMultiple requests in this server process
 * (ExecuteAsyncPerOrgMaxConnectionsPerServer). Over the limit a batch is answered "server busy" before its first
 * request runs; 0 turns the limit off.
 */
public final class BatchConcurrency {
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    /** Held while a batch runs; closing it frees the slot. */
    public interface Slot extends AutoCloseable {
        @Override void close();
    }

    Slot enter(String organization, int limit) {
        if (limit <= 0) return () -> { };
        AtomicInteger count = running.computeIfAbsent(organization, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            throw FaultException.withDetails(ErrorCodes.ServerBusy, ErrorCodes.ServerBusy.message() + " Organization '"
                    + organization + "' already runs " + limit + " ExecuteMultiple requests on this server"
                    + " (setting ExecuteAsyncPerOrgMaxConnectionsPerServer).", Map.of("Retry-After", 1));
        }
        return count::decrementAndGet;
    }
}
