package org.xrm4j.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.query.ColumnSet;

/**
 * The benchmarks: single Create and single Retrieve of a ten-attribute account over the SDK protocol, from one
 * client thread and from several, and the ExecuteMultiple bulk load of the same accounts with its raw JDBC
 * baseline and heap cost ({@link BulkBench}), system jobs ({@link AsyncBench}) and a large solution import
 * ({@link SolutionBench}), against a real server on H2 and on PostgreSQL. It prints Markdown
 * tables and appends them, with the machine and the command, to {@code docs/benchmarks.md}.
 *
 * <p>Server and client share this JVM and its cores; that is what a small deployment looks like and keeps the run
 * to one command, but the client's work counts against the server's throughput. Requests are encoded before the
 * window so that this work is the HTTP exchange alone.
 */
public final class Bench {
    /** Distinct Create bodies, sent round-robin: enough to vary the rows, few enough to build in a blink. */
    private static final int CREATE_BODIES = 4096;
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private Bench() {}

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv("XRM4J_BENCH_PG_URL"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        quietServerLog();
        // Before any load of our own, so the load average is what the rest of the machine was doing.
        MachineInfo machine = MachineInfo.collect();
        ZonedDateTime started = ZonedDateTime.now();
        List<Report.DatabaseRun> runs = new ArrayList<>();
        try (HttpClient client = SdkHttp.newClient()) {
            for (String database : options.databases()) runs.add(measure(database, options, client));
        }
        System.out.println(Report.tables(runs));
        options.doc().ifPresent(doc -> {
            Report.append(doc, Report.section(started, machine.finished(), options, command(args), runs));
            System.err.println("Appended the results to " + doc.toAbsolutePath().normalize());
        });
    }

    private static Report.DatabaseRun measure(String database, BenchOptions options, HttpClient client) {
        String name = database.equals("h2") ? "H2" : "PostgreSQL";
        progress("%s: starting a server", name);
        try (BenchServer server = BenchServer.start(database, options.postgresUrl())) {
            SdkHttp http = new SdkHttp(client, server.executeUrl(), server.token());
            progress("%s: organization %s", name, server.organization());
            List<Workload.Result> results = options.single() ? single(http, name, options) : List.of();
            Optional<BulkBench.Run> bulk = options.bulk() ? Optional.of(bulk(server, name, options)) : Optional.empty();
            Optional<AsyncBench.Run> async = Optional.empty();
            if (options.async()) {
                try {
                    async = Optional.of(new AsyncBench(http, line -> progress("%s: %s", name, line)).measure());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            Optional<SolutionBench.Run> solution = options.solution()
                    ? Optional.of(new SolutionBench(http, line -> progress("%s: %s", name, line)).measure())
                    : Optional.empty();
            Optional<WebApiBatchBench.Run> batch = options.webApiBatch()
                    ? Optional.of(new WebApiBatchBench(server, client, http, line -> progress("%s: %s", name, line)).measure())
                    : Optional.empty();
            return new Report.DatabaseRun(name, server.databaseVersion(), results, bulk, async, solution, batch);
        }
    }

    /**
     * The bulk load over a client of its own, as a loader has: the single requests' eight connections, idle in the
     * shared client's pool, would be taken in turn, and on a connection idle for a while TCP starts slowly again, so
     * each batch of half a megabyte paid for slow start and delayed acknowledgements (80 ms a batch more, seen).
     */
    private static BulkBench.Run bulk(BenchServer server, String name, BenchOptions options) {
        try (HttpClient client = SdkHttp.newClient()) {
            SdkHttp http = new SdkHttp(client, server.executeUrl(), server.token());
            return new BulkBench(server, http, options.bulkLoad(), line -> progress("%s: %s", name, line)).measure();
        }
    }

    private static List<Workload.Result> single(SdkHttp http, String name, BenchOptions options) {
        progress("%s: creating %d accounts to retrieve", name, options.records());
        List<HttpRequest> retrieves = seed(http, options.records());
        List<HttpRequest> creates = new ArrayList<>(CREATE_BODIES);
        for (int i = 0; i < CREATE_BODIES; i++) creates.add(http.prepare(Accounts.createBody(options.records() + i)));
        Workload workload = new Workload(http, options.warmUp(), options.window());
        List<Workload.Result> results = new ArrayList<>();
        results.add(run(workload, name, "Create", creates, 1));
        results.add(run(workload, name, "Create", creates, options.threads()));
        results.add(run(workload, name, "Retrieve", retrieves, 1));
        results.add(run(workload, name, "Retrieve", retrieves, options.threads()));
        return results;
    }

    /**
     * Creates the accounts the Retrieve benchmarks read, through the typed messages and the codec, and checks one
     * round trip: a benchmark of a request that fails would measure the fault path.
     */
    private static List<HttpRequest> seed(SdkHttp http, int records) {
        List<HttpRequest> retrieves = new ArrayList<>(records);
        UUID first = null;
        for (int n = 0; n < records; n++) {
            UUID id = ((CreateResponse) http.execute(new CreateRequest(Accounts.account(n)))).id();
            if (first == null) first = id;
            retrieves.add(http.prepare(Accounts.retrieveBody(id)));
        }
        Entity back = ((RetrieveResponse) http.execute(new RetrieveRequest(new EntityReference("account", first),
                new ColumnSet(false, Accounts.COLUMNS)))).entity();
        Entity sent = Accounts.account(0);
        for (String column : Accounts.COLUMNS) {
            if (!sent.get(column).equals(back.get(column))) {
                throw new IllegalStateException("Retrieve answered " + column + " = " + back.get(column) + ", not " + sent.get(column));
            }
        }
        return retrieves;
    }

    private static Workload.Result run(Workload workload, String database, String benchmark, List<HttpRequest> requests, int threads) {
        progress("%s: %s, %d client thread%s", database, benchmark, threads, threads == 1 ? "" : "s");
        Workload.Result r = workload.run(benchmark, requests, threads);
        progress("    %,.0f req/s, p50 %.2f ms, p99 %.2f ms%s", r.throughput(), r.p50() / 1e6, r.p99() / 1e6,
                r.errors() == 0 ? "" : ", " + r.errors() + " errors");
        return r;
    }

    /** The server logs at INFO by default; a benchmark's output is its numbers, so WARN unless the user chose. */
    private static void quietServerLog() {
        if (System.getenv("XRM4J_LOG_LEVEL") == null && System.getProperty("XRM4J_LOG_LEVEL") == null) {
            System.setProperty("XRM4J_LOG_LEVEL", "WARN");
        }
    }

    /** The command as typed, near enough to paste: JVM options, the jar relative to here, the arguments quoted. */
    static String command(String[] args) {
        StringBuilder c = new StringBuilder();
        String pgUrl = System.getenv("XRM4J_BENCH_PG_URL");
        if (pgUrl != null && !pgUrl.isBlank()) c.append("XRM4J_BENCH_PG_URL=").append(quote(PASSWORD.matcher(pgUrl).replaceAll("$1***"))).append(' ');
        c.append("java");
        for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) c.append(' ').append(quote(jvmArg));
        c.append(' ').append(launcher());
        for (String a : args) c.append(' ').append(quote(a));
        return c.toString();
    }

    private static String launcher() {
        try {
            Path code = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Path.of("").toAbsolutePath();
            Path shown = code.startsWith(here) ? here.relativize(code) : code;
            return code.toString().endsWith(".jar") ? "-jar " + quote(shown.toString()) : "-cp " + quote(shown.toString()) + " " + Bench.class.getName();
        } catch (Exception e) {
            return Bench.class.getName();
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
