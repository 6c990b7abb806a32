package org.xrm4j.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The JIT compiler of this JVM. Its threads share the two cores with the server: a measurement that starts while it
 * still compiles what the warm-up made hot charges the compiler's work to the records, and code compiled halfway
 * through runs the rest at another speed. Measurements start once it has been idle a while.
 */
final class Compiler {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private Compiler() {}

    /** Milliseconds this JVM has spent compiling so far. */
    private static long millis() { return JIT.getTotalCompilationTime(); }

    /** Waits until the compiler has been idle for a second, at most half a minute. */
    static void awaitIdle() { awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(30)); }

    /** Waits until no compilation has finished for {@code idle}, or {@code limit} has passed. */
    private static void awaitIdle(Duration idle, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = millis();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(50);
            long now = millis();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= idle.toNanos()) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the compiler", e);
        }
    }
}
