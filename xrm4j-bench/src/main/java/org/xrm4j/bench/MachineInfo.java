package org.xrm4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the numbers were measured on. Throughput on two cores says little without the core count, and a load average
 * above zero before the run says the machine was not idle; both go into the report next to the results.
 */
record MachineInfo(int cpus, String cpuModel, long memoryBytes, String os, String java, long maxHeapBytes,
                   double loadAverage, double loadAverageAtEnd, String tempFileStore) {

    static MachineInfo collect() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        String java = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                java, Runtime.getRuntime().maxMemory(), os.getSystemLoadAverage(), -1, readTempFileStore());
    }

    /**
     * The same, with the load average read now, at the end of the run: it includes the benchmark's own load, but a
     * value well above the cores it used says that other work competed with it.
     */
    MachineInfo finished() {
        return new MachineInfo(cpus, cpuModel, memoryBytes, os, java, maxHeapBytes, loadAverage,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), tempFileStore);
    }

    /** The report's machine lines, one Markdown list item each. */
    List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("- CPU: " + cpus + " cores available to the JVM (`nproc`)" + (cpuModel.isEmpty() ? "" : ", " + cpuModel));
        lines.add("- Memory: " + (memoryBytes < 0 ? "unknown" : gib(memoryBytes)) + " total; JVM max heap " + gib(maxHeapBytes));
        lines.add("- OS: " + os);
        lines.add("- Java: " + java);
        if (loadAverage >= 0) lines.add("- Load average (1 min) when the run started: " + String.format(Locale.ROOT, "%.2f", loadAverage));
        if (loadAverageAtEnd >= 0) lines.add("- Load average (1 min) when it ended, its own load included: " + String.format(Locale.ROOT, "%.2f", loadAverageAtEnd));
        lines.add("- Temporary folder (H2 data): " + tempFileStore);
        return lines;
    }

    private static String gib(long bytes) { return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024)); }

    private static String readCpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux: the core count still says the most
        }
    }

    /** Where H2's file goes matters: on tmpfs it never touches a disk. */
    private static String readTempFileStore() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return tmp + " (" + Files.getFileStore(tmp).type() + ")";
        } catch (IOException e) {
            return tmp.toString();
        }
    }
}
