package org.xrm4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The results as Markdown: a table for the terminal, and a dated section appended to the benchmarks document so it
 * keeps the history of runs. A missing document is created with its introduction first, so a fresh clone can run
 * the benchmark without preparing anything.
 */
final class Report {
    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private Report() {}

    /** The results of one database, under its display name (H2, PostgreSQL). */
    record DatabaseRun(String database, String version, List<Workload.Result> results) {}

    static String table(List<DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Benchmark | Client threads | Requests | Errors | Throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DatabaseRun run : runs) {
            for (Workload.Result r : run.results()) {
                t.append("| ").append(run.database())
                        .append(" | ").append(r.benchmark())
                        .append(" | ").append(r.threads())
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", r.requests()))
                        .append(" | ").append(r.errors())
                        .append(" | ").append(String.format(Locale.ROOT, "%,.0f", r.throughput()))
                        .append(" | ").append(millis(r.p50()))
                        .append(" | ").append(millis(r.p99()))
                        .append(" | ").append(millis(r.max()))
                        .append(" |\n");
            }
        }
        return t.toString();
    }

    /** A dated section with the machine, the databases, the command and the table. */
    static String section(ZonedDateTime when, MachineInfo machine, BenchOptions options, String command, List<DatabaseRun> runs) {
        StringBuilder s = new StringBuilder()
                .append("### ").append(when.withZoneSameInstant(ZoneOffset.UTC).format(HEADING))
                .append(": single Create and Retrieve\n\n")
                .append("Command, from the repository root after building the jar:\n\n")
                .append("```\n").append(command).append("\n```\n\n")
                .append(String.format(Locale.ROOT, "Warm-up %d s, then a %d s measured window per benchmark; %d concurrent "
                        + "client threads; Retrieve reads %d accounts created before it.%n%n",
                        options.warmUp().toSeconds(), options.window().toSeconds(), options.threads(), options.records()));
        options.note().ifPresent(n -> s.append("Note: ").append(n).append("\n\n"));
        s.append("Machine:\n\n");
        machine.markdown().forEach(l -> s.append(l).append('\n'));
        s.append("\nDatabases:\n\n");
        for (DatabaseRun run : runs) s.append("- ").append(run.database()).append(": ").append(run.version()).append('\n');
        return s.append('\n').append(table(runs)).toString();
    }

    /** Appends a section, creating the document with its introduction when it does not exist yet. */
    static void append(Path doc, String section) {
        try {
            if (!Files.exists(doc)) {
                if (doc.toAbsolutePath().getParent() != null) Files.createDirectories(doc.toAbsolutePath().getParent());
                Files.writeString(doc, introduction());
            }
            String existing = Files.readString(doc);
            String separator = existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
            Files.writeString(doc, separator + section, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + doc, e);
        }
    }

    private static String introduction() throws IOException {
        try (InputStream in = Report.class.getResourceAsStream("benchmarks-intro.md")) {
            if (in == null) throw new IOException("benchmarks-intro.md is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String millis(long nanos) { return String.format(Locale.ROOT, "%.2f", nanos / 1e6); }
}
