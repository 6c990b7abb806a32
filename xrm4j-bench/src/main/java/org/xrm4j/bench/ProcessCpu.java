package org.xrm4j.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this process (server, client and database together, all in one JVM). Unlike a rate, CPU per record
 * hardly moves when something else runs on the machine, so it compares code changes that a noisy machine's rates
 * cannot tell apart.
 */
final class ProcessCpu {
    private ProcessCpu() {}

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
