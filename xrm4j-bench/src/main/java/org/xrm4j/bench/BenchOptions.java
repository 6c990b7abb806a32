package org.xrm4j.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of the benchmark. Every option has a default, so a bare {@code java -jar xrm4j-bench.jar} runs
 * the full baseline on both databases and appends it to {@code docs/benchmarks.md} of the working directory.
 */
record BenchOptions(List<String> databases, boolean single, boolean bulk, boolean async, boolean solution, boolean webApiBatch,
                    Duration window, Duration warmUp, int threads,
                    int records, Bulk bulkLoad, Optional<Path> doc, Optional<String> note, String postgresUrl, boolean help) {

    /**
     * The bulk-load benchmark's shape: {@code records} Creates sent as ExecuteMultiple batches of {@code batch}, once
     * per entry of {@code streams} (the number of batches in flight), after {@code warmUpBatches} unmeasured batches;
     * each measurement is made {@code repeats} times and reported by its median.
     */
    record Bulk(int records, int batch, List<Integer> streams, int warmUpBatches, int repeats) {
        int batches() { return (records + batch - 1) / batch; }
    }

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/xrm4j_bench?user=postgres";

    static final String USAGE = """
            Usage: java -jar xrm4j-bench/target/xrm4j-bench.jar [options]
              --db h2|postgresql|all   databases to measure (default all)
              --bench single|bulk|async|solution|webapi-batch|all  single Create/Retrieve, ExecuteMultiple bulk load,
                                       system jobs, ImportSolution of 50 tables x 40 columns, $batch against
                                       ExecuteMultiple, or all (default)
              --seconds N              measured window per benchmark (default 10)
              --warmup N               warm-up before each window, in seconds (default 3)
              --threads N              client threads of the concurrent benchmarks (default 8)
              --records N              accounts created before the Retrieve benchmarks (default 1000)
              --bulk-records N         accounts the bulk load creates per measurement (default 20000)
              --bulk-batch N           Creates per ExecuteMultiple batch (default 1000, the server's BatchSize)
              --bulk-parallel N[,N..]  batches in flight at once, one measurement each (default 1,2)
              --bulk-warmup N          unmeasured batches before the bulk measurements, shared out over the
                                       stream counts (default 150, a few seconds: the JIT has compiled the
                                       hot paths by then)
              --bulk-repeats N         times each bulk measurement is made; the median counts (default 5)
              --doc PATH               Markdown file the results are appended to (default docs/benchmarks.md)
              --no-doc                 print the results only
              --note TEXT              a remark written under the run's heading, e.g. what else ran on the machine
              --help
            PostgreSQL: the URL in XRM4J_BENCH_PG_URL, default %s;
            the database is created when missing.""".formatted(DEFAULT_PG_URL);

    static BenchOptions parse(String[] args, String pgUrlFromEnv) {
        List<String> databases = List.of("h2", "postgresql");
        boolean single = true;
        boolean bulk = true;
        boolean async = true;
        boolean solution = true;
        boolean webApiBatch = true;
        int seconds = 10;
        int warmUp = 3;
        int threads = 8;
        int records = 1000;
        int bulkRecords = 20_000;
        int bulkBatch = 1000;
        List<Integer> streams = List.of(1, 2);
        int bulkWarmUp = 150;
        int bulkRepeats = 5;
        Optional<Path> doc = Optional.of(Path.of("docs", "benchmarks.md"));
        Optional<String> note = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--db" -> databases = switch (value(args, ++i, a)) {
                    case "h2" -> List.of("h2");
                    case "postgresql" -> List.of("postgresql");
                    case "all" -> List.of("h2", "postgresql");
                    default -> throw new IllegalArgumentException("--db takes h2, postgresql or all, not " + args[i]);
                };
                case "--bench" -> {
                    switch (value(args, ++i, a)) {
                        case "single" -> { single = true; bulk = false; async = false; solution = false; webApiBatch = false; }
                        case "bulk" -> { single = false; bulk = true; async = false; solution = false; webApiBatch = false; }
                        case "async" -> { single = false; bulk = false; async = true; solution = false; webApiBatch = false; }
                        case "solution" -> { single = false; bulk = false; async = false; solution = true; webApiBatch = false; }
                        case "webapi-batch" -> { single = false; bulk = false; async = false; solution = false; webApiBatch = true; }
                        case "all" -> { single = true; bulk = true; async = true; solution = true; webApiBatch = true; }
                        default -> throw new IllegalArgumentException("--bench takes single, bulk, async, solution, webapi-batch or all, not " + args[i]);
                    }
                }
                case "--seconds" -> seconds = positive(args, ++i, a);
                case "--warmup" -> warmUp = positive(args, ++i, a);
                case "--threads" -> threads = positive(args, ++i, a);
                case "--records" -> records = positive(args, ++i, a);
                case "--bulk-records" -> bulkRecords = positive(args, ++i, a);
                case "--bulk-batch" -> bulkBatch = positive(args, ++i, a);
                case "--bulk-parallel" -> streams = positives(args, ++i, a);
                case "--bulk-warmup" -> bulkWarmUp = nonNegative(args, ++i, a);
                case "--bulk-repeats" -> bulkRepeats = positive(args, ++i, a);
                case "--doc" -> doc = Optional.of(Path.of(value(args, ++i, a)));
                case "--no-doc" -> doc = Optional.empty();
                case "--note" -> note = Optional.of(value(args, ++i, a));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        String pgUrl = pgUrlFromEnv == null || pgUrlFromEnv.isBlank() ? DEFAULT_PG_URL : pgUrlFromEnv;
        return new BenchOptions(databases, single, bulk, async, solution, webApiBatch, Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmUp), threads,
                records, new Bulk(bulkRecords, bulkBatch, streams, bulkWarmUp, bulkRepeats), doc, note, pgUrl, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i, String option) { return whole(value(args, i, option), option, 1); }

    private static int nonNegative(String[] args, int i, String option) { return whole(value(args, i, option), option, 0); }

    /** A comma-separated list of positive whole numbers, in the order given, without repeats. */
    private static List<Integer> positives(String[] args, int i, String option) {
        List<Integer> list = new ArrayList<>();
        for (String part : value(args, i, option).split(",", -1)) {
            int n = whole(part.trim(), option, 1);
            if (!list.contains(n)) list.add(n);
        }
        return List.copyOf(list);
    }

    private static int whole(String v, String option, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " takes a " + (min > 0 ? "positive" : "non-negative") + " whole number, not " + v);
    }
}
