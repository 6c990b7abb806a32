package org.xrm4j.server.solutions;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * One solution operation at a time per organization, in this process. A permit rather than a lock, because the
 * operation ends when its unit of work closes, which may be on another thread than the one that began it.
 */
public final class SolutionLocks {
    private static final Map<UUID, Semaphore> LOCKS = new ConcurrentHashMap<>();

    private SolutionLocks() {}

    /** Takes the organization's permit, or faults SolutionConcurrencyFailure when another operation holds it. */
    public static Runnable acquire(UUID organizationId) {
        Semaphore s = LOCKS.computeIfAbsent(organizationId, k -> new Semaphore(1));
        if (!s.tryAcquire()) {
            throw new FaultException(ErrorCodes.SolutionConcurrencyFailure, "The solution installation or removal failed"
                    + " due to the installation or removal of another solution at the same time. Try again later.");
        }
        boolean[] released = {false};
        return () -> {
            synchronized (released) {
                if (!released[0]) {
                    released[0] = true;
                    s.release();
                }
            }
        };
    }
}
