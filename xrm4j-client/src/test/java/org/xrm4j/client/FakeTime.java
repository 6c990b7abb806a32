package org.xrm4j.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A clock that moves only when the executor sleeps (or never, when frozen), and remembers every sleep. */
final class FakeTime extends Clock implements BulkExecutor.Sleeper {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    volatile boolean frozen;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override public synchronized Instant instant() { return now; }

    @Override public synchronized void sleep(Duration d) {
        sleeps.add(d);
        if (!frozen) now = now.plus(d);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }
}
