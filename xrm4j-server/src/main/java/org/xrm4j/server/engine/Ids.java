package org.xrm4j.server.engine;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record ids: time-ordered (UUID version 7), so that inserts append to the primary key index instead of
 * scattering over it, as the platform's sequential GUIDs do.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
