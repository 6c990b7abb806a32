package org.xrm4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.server.solutions.SolutionFixtures;

/**
 * ImportSolution of a solution as large as the platform's own: {@value #ENTITIES} new tables of {@value #ATTRIBUTES}
 * columns each (every stored type in turn, a lookup chaining each table to the one before), sent over the SDK protocol
 * and timed from the send to the answer. Each import brings tables of its own prefix into the same organization, so
 * later ones run against a larger schema. Target: every import within {@value #TARGET_SECONDS} s.
 */
final class SolutionBench {
    static final int ENTITIES = 50;
    static final int ATTRIBUTES = 40;
    static final int IMPORTS = 3;
    static final int TARGET_SECONDS = 10;

    /** Each import's time in nanoseconds, in the order run. */
    record Run(List<Long> nanos) {
        long max() { return nanos.stream().mapToLong(Long::longValue).max().orElse(0); }

        long median() { return nanos.stream().sorted().toList().get(nanos.size() / 2); }
    }

    private final SdkHttp http;
    private final Consumer<String> progress;

    SolutionBench(SdkHttp http, Consumer<String> progress) {
        this.http = http;
        this.progress = progress;
    }

    Run measure() {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < IMPORTS; i++) {
            String prefix = "xb" + (char) ('a' + i);
            byte[] file = SolutionFixtures.large("BenchSolution" + i, prefix, ENTITIES, ATTRIBUTES);
            progress.accept(String.format(Locale.ROOT, "solution import %d of %d, %d tables of %d columns", i + 1, IMPORTS, ENTITIES, ATTRIBUTES));
            long started = System.nanoTime();
            http.execute(new ImportSolutionRequest().customizationFile(file).overwriteUnmanagedCustomizations(false)
                    .publishWorkflows(false).importJobId(UUID.randomUUID()));
            long took = System.nanoTime() - started;
            nanos.add(took);
            progress.accept(String.format(Locale.ROOT, "    %.2f s", took / 1e9));
        }
        return new Run(List.copyOf(nanos));
    }

    static String table(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Solution | Imports | Median (s) | Max (s) | Every import ≤ " + TARGET_SECONDS + " s |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (Report.DatabaseRun run : runs) {
            if (run.solution().isEmpty()) continue;
            Run r = run.solution().get();
            t.append(String.format(Locale.ROOT, "| %s | %d tables × %d columns | %d | %.2f | %.2f | %s |%n", run.database(), ENTITIES,
                    ATTRIBUTES, r.nanos().size(), r.median() / 1e9, r.max() / 1e9,
                    r.max() <= TARGET_SECONDS * 1_000_000_000L ? "met" : "**not met**"));
        }
        return t.toString();
    }
}
