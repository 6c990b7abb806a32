package org.xrm4j.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The command line of the benchmark. Every option has a default, so a bare {@code java -jar xrm4j-bench.jar} runs
 * the full baseline on both databases and appends it to {@code docs/benchmarks.md} of the working directory.
 */
record BenchOptions(List<String> databases, Duration window, Duration warmUp, int threads, int records,
                    Optional<Path> doc, Optional<String> note, String postgresUrl, boolean help) {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/xrm4j_bench?user=postgres";

    static final String USAGE = """
            Usage: java -jar xrm4j-bench/target/xrm4j-bench.jar [options]
              --db h2|postgresql|all   databases to measure (default all)
              --seconds N              measured window per benchmark (default 10)
              --warmup N               warm-up before each window, in seconds (default 3)
              --threads N              client threads of the concurrent benchmarks (default 8)
              --records N              accounts created before the Retrieve benchmarks (default 1000)
              --doc PATH               Markdown file the results are appended to (default docs/benchmarks.md)
              --no-doc                 print the results only
              --note TEXT              a remark written under the run's heading, e.g. what else ran on the machine
              --help
            PostgreSQL: the URL in XRM4J_BENCH_PG_URL, default %s;
            the database is created when missing.""".formatted(DEFAULT_PG_URL);

    static BenchOptions parse(String[] args, String pgUrlFromEnv) {
        List<String> databases = List.of("h2", "postgresql");
        int seconds = 10;
        int warmUp = 3;
        int threads = 8;
        int records = 1000;
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
                case "--seconds" -> seconds = positive(args, ++i, a);
                case "--warmup" -> warmUp = positive(args, ++i, a);
                case "--threads" -> threads = positive(args, ++i, a);
                case "--records" -> records = positive(args, ++i, a);
                case "--doc" -> doc = Optional.of(Path.of(value(args, ++i, a)));
                case "--no-doc" -> doc = Optional.empty();
                case "--note" -> note = Optional.of(value(args, ++i, a));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        String pgUrl = pgUrlFromEnv == null || pgUrlFromEnv.isBlank() ? DEFAULT_PG_URL : pgUrlFromEnv;
        return new BenchOptions(databases, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp), threads, records,
                doc, note, pgUrl, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not " + v);
    }
}
