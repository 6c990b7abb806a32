package org.xrm4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bulk-load targets xrm4j set itself, checked against one database's run. The rate targets are judged for each
 * stream count measured: one stream (batches one after another) has the shape of the raw JDBC baseline and of the
 * single-Create client; two streams is what a loader does to keep both cores busy. Each target is met, not met, or
 * not measured (its inputs were not part of the run).
 *
 * <p>The targets: on PostgreSQL at least 30,000 records/s and at least a third of the raw JDBC rate (the aim being
 * half); on H2 at least 50,000 records/s; on both, at least 15 times the rate of one Create per request, and a
 * batch of 1000 costing at most about 50 MB of heap above idle. They are stated for 20,000 records in batches of
 * 1000; a run of another shape is judged all the same, and the report says so.
 */
final class Targets {
    static final double PG_RECORDS_PER_SECOND = 30_000;
    static final double H2_RECORDS_PER_SECOND = 50_000;
    static final double MIN_FRACTION_OF_RAW = 1.0 / 3;
    static final double AIMED_FRACTION_OF_RAW = 1.0 / 2;
    static final double MIN_TIMES_SINGLE_CREATE = 15;
    static final double MAX_HEAP_MB = 50;
    static final int RECORDS = 20_000;
    static final int BATCH = 1000;

    private Targets() {}

    /**
     * One target of one database, judged on the bulk load with {@code streams} batches in flight (empty for the heap
     * target); {@code met} is empty when the run did not measure what the target needs.
     */
    record Check(String database, String target, Optional<Integer> streams, String measured, Optional<Boolean> met, String remark) {
        String verdict() { return met.map(m -> m ? "met" : "**not met**").orElse("not measured"); }
    }

    /** The rate targets for each stream count the run measured, then the heap target. */
    static List<Check> check(Report.DatabaseRun run) {
        List<Check> checks = new ArrayList<>();
        if (run.bulk().isEmpty()) return checks;
        BulkBench.Run bulk = run.bulk().get();
        boolean postgres = run.database().equals("PostgreSQL");
        double minRate = postgres ? PG_RECORDS_PER_SECOND : H2_RECORDS_PER_SECOND;
        Optional<Double> single = singleCreate(run);
        for (BulkLoad.Result load : bulk.loads()) {
            double rate = load.recordsPerSecond();
            Optional<Integer> streams = Optional.of(load.streams());
            checks.add(atLeast(run, "At least " + number(minRate) + " records/s", streams, Optional.of(rate), minRate, Targets::number, ""));
            if (postgres) {
                double fraction = rate / bulk.raw().rowsPerSecond();
                checks.add(atLeast(run, "At least 1/3 of the raw JDBC batch insert's rate (aim: 1/2)", streams, Optional.of(fraction),
                        MIN_FRACTION_OF_RAW, f -> String.format(Locale.ROOT, "%.2f", f),
                        fraction >= AIMED_FRACTION_OF_RAW ? "the aim of 1/2 is reached too" : "the aim of 1/2 is not reached"));
            }
            checks.add(atLeast(run, "At least 15 times one Create per request (1 client thread)", streams, single.map(s -> rate / s),
                    MIN_TIMES_SINGLE_CREATE, t -> String.format(Locale.ROOT, "%.1f×", t),
                    single.isEmpty() ? "run with --bench all to measure single Create" : ""));
        }
        double heap = bulk.heap().costMegabytes();
        checks.add(new Check(run.database(), "Heap of one batch of " + bulk.shape().batch() + " at most ~" + number(MAX_HEAP_MB)
                + " MB above idle", Optional.empty(), String.format(Locale.ROOT, "%.1f MB", heap), Optional.of(heap <= MAX_HEAP_MB), ""));
        return checks;
    }

    /** Whether the run had the shape the targets are stated for. */
    static boolean standardShape(BenchOptions.Bulk shape) { return shape.records() == RECORDS && shape.batch() == BATCH; }

    /** The bulk load with {@code streams} batches in flight, when the run measured it. */
    static Optional<BulkLoad.Result> load(BulkBench.Run bulk, int streams) {
        return bulk.loads().stream().filter(r -> r.streams() == streams).findFirst();
    }

    /** The rate of single Creates from one client thread, when the run measured it. */
    static Optional<Double> singleCreate(Report.DatabaseRun run) {
        return run.results().stream().filter(r -> r.benchmark().equals("Create") && r.threads() == 1)
                .findFirst().map(Workload.Result::throughput);
    }

    private static Check atLeast(Report.DatabaseRun run, String target, Optional<Integer> streams, Optional<Double> measured,
                                 double min, java.util.function.Function<Double, String> format, String remark) {
        return new Check(run.database(), target, streams, measured.map(format).orElse("–"), measured.map(m -> m >= min), remark);
    }

    static String number(double value) { return String.format(Locale.ROOT, "%,.0f", value); }
}
