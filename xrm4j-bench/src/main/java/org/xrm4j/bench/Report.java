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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results as Markdown: a table for the terminal, and a dated section appended to the benchmarks document so it
 * keeps the history of runs. A missing document is created with its introduction first, so a fresh clone can run
 * the benchmark without preparing anything.
 */
final class Report {
    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private Report() {}

    /**
     * The results of one database, under its display name (H2, PostgreSQL): the single-request benchmarks (empty
     * when not run) and the bulk-load ones (when run).
     */
    record DatabaseRun(String database, String version, List<Workload.Result> results, Optional<BulkBench.Run> bulk,
                       Optional<AsyncBench.Run> async, Optional<SolutionBench.Run> solution,
                       Optional<WebApiBatchBench.Run> webApiBatch) {}

    /** Every table of the run: the single-request one, then the bulk-load ones, each only when measured. */
    static String tables(List<DatabaseRun> runs) {
        boolean single = runs.stream().anyMatch(r -> !r.results().isEmpty());
        String bulk = BulkReport.tables(runs);
        String async = runs.stream().anyMatch(r -> r.async().isPresent()) ? AsyncBench.table(runs) : "";
        String solution = runs.stream().anyMatch(r -> r.solution().isPresent()) ? SolutionBench.table(runs) : "";
        String batch = runs.stream().anyMatch(r -> r.webApiBatch().isPresent()) ? WebApiBatchBench.table(runs) : "";
        List<String> tables = new ArrayList<>();
        if (single) tables.add(table(runs));
        for (String t : List.of(bulk, async, solution, batch)) if (!t.isEmpty()) tables.add(t);
        return String.join("\n", tables);
    }

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
                .append(": ").append(title(options)).append("\n\n")
                .append("Command, from the repository root after building the jar:\n\n")
                .append("```\n").append(command).append("\n```\n\n");
        if (options.single()) {
            s.append(String.format(Locale.ROOT, "Single requests: warm-up %d s, then a %d s measured window per benchmark; %d concurrent "
                    + "client threads; Retrieve reads %d accounts created before it.%n%n",
                    options.warmUp().toSeconds(), options.window().toSeconds(), options.threads(), options.records()));
        }
        if (options.bulk()) {
            BenchOptions.Bulk b = options.bulkLoad();
            s.append(String.format(Locale.ROOT, "Bulk load: %,d records per measurement as %d ExecuteMultiple batches of %d Creates "
                    + "(ContinueOnError, ReturnResponses), with %s in flight, after %d warm-up batch%s; the raw JDBC insert writes "
                    + "the same rows in batches of %d, one commit each. Each measurement is made %d time%s, each once the JIT "
                    + "compiler is idle, and the median counts. The heap cost is the largest of %d batches.%n%n",
                    b.records(), b.batches(), b.batch(), streams(b.streams()), b.warmUpBatches(), b.warmUpBatches() == 1 ? "" : "es",
                    b.batch(), b.repeats(), b.repeats() == 1 ? "" : "s", BatchHeap.REPEATS));
        }
        if (options.async()) {
            s.append(String.format(Locale.ROOT, "System jobs: start latency of %d Merge jobs queued one at a time on an idle server"
                    + " (send of ExecuteAsync to the job's startedon); sequential Retrieves for %d s idle, then for %d s right after"
                    + " queueing %d Merge jobs of %d contacts each.%n%n", AsyncBench.START_SAMPLES, AsyncBench.WINDOW.toSeconds(),
                    AsyncBench.WINDOW.toSeconds(), AsyncBench.BURST_JOBS, AsyncBench.CHILDREN_PER_MERGE));
        }
        if (options.solution()) {
            s.append(String.format(Locale.ROOT, "Solution import: %d ImportSolution requests of %d new tables × %d columns each"
                    + " into one organization, each timed from the send to the answer.%n%n", SolutionBench.IMPORTS,
                    SolutionBench.ENTITIES, SolutionBench.ATTRIBUTES));
        }
        if (options.webApiBatch()) {
            s.append(String.format(Locale.ROOT, "$batch against ExecuteMultiple: %d account Creates as one ExecuteMultiple over the"
                    + " SDK protocol, as one $batch change set and as one $batch of plain parts, in turns; %d warm-up and %d measured"
                    + " rounds; medians compared.%n%n", WebApiBatchBench.RECORDS, WebApiBatchBench.WARM_UP_ROUNDS, WebApiBatchBench.ROUNDS));
        }
        options.note().ifPresent(n -> s.append("Note: ").append(n).append("\n\n"));
        s.append("Machine:\n\n");
        machine.markdown().forEach(l -> s.append(l).append('\n'));
        s.append("\nDatabases:\n\n");
        for (DatabaseRun run : runs) s.append("- ").append(run.database()).append(": ").append(run.version()).append('\n');
        return s.append('\n').append(tables(runs)).toString();
    }

    private static String title(BenchOptions options) {
        List<String> parts = new ArrayList<>();
        if (options.single()) parts.add("single Create and Retrieve");
        if (options.bulk()) parts.add("ExecuteMultiple bulk load");
        if (options.async()) parts.add("system jobs");
        if (options.solution()) parts.add("solution import");
        if (options.webApiBatch()) parts.add("Web API $batch against ExecuteMultiple");
        return String.join("; ", parts);
    }

    private static String streams(List<Integer> streams) {
        List<String> each = streams.stream().map(n -> n + (n == 1 ? " batch" : " batches")).toList();
        return each.size() == 1 ? each.getFirst() : String.join(", then ", each);
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
