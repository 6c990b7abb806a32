package org.xrm4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bulk-load part of a run's section, as Markdown: the rates and batch latencies, the ratios between them, the
 * heap cost, and the targets with whether each was met, computed from the figures above it.
 */
final class BulkReport {
    private BulkReport() {}

    /** Empty when no database ran the bulk benchmarks. */
    static String tables(List<Report.DatabaseRun> runs) {
        List<Report.DatabaseRun> bulk = runs.stream().filter(r -> r.bulk().isPresent()).toList();
        if (bulk.isEmpty()) return "";
        return rates(bulk) + "\n" + ratios(bulk) + "\n" + targets(bulk);
    }

    private static String rates(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Benchmark | Streams | Records | Batches | Records/s (median) | Range of the repetitions | Batch p50 (ms) | Batch p99 (ms) | Batch max (ms) | CPU per record (µs) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Report.DatabaseRun run : runs) {
            BulkBench.Run bulk = run.bulk().orElseThrow();
            for (BulkLoad.Result r : bulk.loads()) {
                row(t, run.database(), "ExecuteMultiple bulk load", r.streams(), r.records(), r.batches(), r.recordsPerSecond(), r.repetitions(), r.p50(), r.p99(), r.max(), r.cpuMicrosPerRecord());
            }
            RawJdbcInsert.Result raw = bulk.raw();
            row(t, run.database(), "Raw JDBC batch insert", 1, raw.records(), raw.batches(), raw.rowsPerSecond(), raw.repetitions(), raw.p50(), raw.p99(), raw.max(), raw.cpuMicrosPerRecord());
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String database, String benchmark, int streams, int records, int batches,
                            double rate, List<Double> repetitions, long p50, long p99, long max, double cpuMicros) {
        t.append("| ").append(database).append(" | ").append(benchmark).append(" | ").append(streams)
                .append(" | ").append(String.format(Locale.ROOT, "%,d", records)).append(" | ").append(batches)
                .append(" | ").append(Targets.number(rate)).append(" | ").append(range(repetitions))
                .append(" | ").append(millis(p50)).append(" | ").append(millis(p99)).append(" | ").append(millis(max))
                .append(" | ").append(String.format(Locale.ROOT, "%.1f", cpuMicros)).append(" |\n");
    }

    private static String ratios(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Bulk (1 stream) / single Create (1 thread) | Bulk (1 stream) / raw JDBC | Bulk (2 streams) / raw JDBC | Heap of one batch above idle |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Report.DatabaseRun run : runs) {
            BulkBench.Run bulk = run.bulk().orElseThrow();
            double raw = bulk.raw().rowsPerSecond();
            Optional<Double> one = Targets.load(bulk, 1).map(BulkLoad.Result::recordsPerSecond);
            Optional<Double> two = Targets.load(bulk, 2).map(BulkLoad.Result::recordsPerSecond);
            Optional<Double> single = Targets.singleCreate(run);
            BatchHeap.Result heap = bulk.heap();
            t.append("| ").append(run.database())
                    .append(" | ").append(one.flatMap(o -> single.map(s -> o / s)).map(x -> format("%.1f×", x)).orElse("–"))
                    .append(" | ").append(one.map(o -> format("%.2f", o / raw)).orElse("–"))
                    .append(" | ").append(two.map(o -> format("%.2f", o / raw)).orElse("–"))
                    .append(" | ").append(format("%.1f MB (idle %.0f MB, %d GC during the batch)", heap.costMegabytes(),
                            heap.idleBytes() / 1e6, heap.collections()))
                    .append(" |\n");
        }
        return t.toString();
    }

    private static String targets(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder("| Database | Target | Streams | Measured | Met | Remark |\n|---|---|---:|---:|---|---|\n");
        boolean standard = true;
        for (Report.DatabaseRun run : runs) {
            standard &= Targets.standardShape(run.bulk().orElseThrow().shape());
            for (Targets.Check c : Targets.check(run)) {
                t.append("| ").append(c.database()).append(" | ").append(c.target())
                        .append(" | ").append(c.streams().map(String::valueOf).orElse("–")).append(" | ").append(c.measured())
                        .append(" | ").append(c.verdict()).append(" | ").append(c.remark()).append(" |\n");
            }
        }
        if (!standard) {
            t.append("\nThe targets are stated for ").append(format("%,d", Targets.RECORDS)).append(" records in batches of ")
                    .append(Targets.BATCH).append("; this run used another shape, so the verdicts are indicative.\n");
        }
        return t.toString();
    }

    /** The slowest and fastest repetition, and how many there were. */
    private static String range(List<Double> rates) {
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Targets.number(min) + "–" + Targets.number(max) + " (" + rates.size() + ")";
    }

    private static String millis(long nanos) { return format("%.1f", nanos / 1e6); }

    private static String format(String pattern, Object... args) { return String.format(Locale.ROOT, pattern, args); }
}
