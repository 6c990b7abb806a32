package org.xrm4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xrm4j.cli.load.CsvReader;
import org.xrm4j.cli.load.CsvRequests;
import org.xrm4j.cli.load.EntityDefinition;
import org.xrm4j.cli.load.FailureLog;
import org.xrm4j.cli.load.LoadProgress;
import org.xrm4j.cli.load.RecordMapper;
import org.xrm4j.client.BulkExecutor;
import org.xrm4j.client.BulkOutcome;
import org.xrm4j.client.BulkSummary;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code xrm4j load}: a CSV into one table, through {@link BulkExecutor}. The header names attributes; each cell is
 * converted by its attribute's type as RetrieveEntity describes it. Rows that cannot be converted are reported and
 * never sent; the CSV is read as batches go out, so a file of any size loads in bounded memory (the failures are
 * held until the end, to be written in row order).
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load a CSV file into a table with ExecuteMultiple batches.",
                "The header row holds attribute logical names; an empty cell leaves the attribute out; a column for the",
                "primary key sets the record id. Values: numbers as written, yes/no as true/false/1/0/yes/no, dates as",
                "ISO-8601 (a date alone is midnight UTC), choices by value or label (several separated by ;), lookups",
                "as entity:guid (a bare guid when the lookup has one target).",
                "Exit code 0 when every row loaded, 1 when some failed (see the failures file), 2 on usage errors."})
final class LoadCommand implements Callable<Integer> {
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    @Mixin ServerOptions server;

    @Option(names = "--entity", required = true, description = "Table logical name, such as account.")
    String entity;

    @Option(names = "--file", required = true, description = "CSV file (UTF-8, RFC 4180, header row first).")
    Path file;

    @Option(names = "--batch", defaultValue = "1000", description = "Requests per ExecuteMultiple (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--parallel", defaultValue = "1", description = "Batches in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--upsert", description = "Send Upsert instead of Create: existing records are updated. Needs the primary key column.")
    boolean upsert;

    @Option(names = "--failures", description = "Where the failed rows go as CSV (row,ErrorCode,Message) (default: <file>.failures.csv).")
    Path failures;

    /** A mistake in how the command was called: reported on one line, exit code 2. */
    private static final class UsageError extends RuntimeException {
        UsageError(String message) { super(message, null, false, false); }
    }

    @Override public Integer call() {
        try {
            return load();
        } catch (UsageError e) {
            System.err.println("xrm4j load: " + e.getMessage());
            return 2;
        }
    }

    private int load() {
        if (batch < 1) throw new UsageError("--batch must be at least 1.");
        if (parallel < 1) throw new UsageError("--parallel must be at least 1.");
        if (!Files.isRegularFile(file)) throw new UsageError("No such file: " + file);
        Path failureFile = (failures != null ? failures : file.resolveSibling(file.getFileName() + ".failures.csv")).toAbsolutePath();
        // Found out now rather than after the whole file was loaded.
        if (!Files.isDirectory(failureFile.getParent())) throw new UsageError("No folder for the failures file: " + failureFile.getParent());
        try (HttpOrganizationService service = service(); CsvReader csv = CsvReader.open(file)) {
            EntityDefinition table = definition(service);
            long rows = rows();
            RecordMapper mapper = mapper(table, csv.next());
            if (upsert && !mapper.hasPrimaryKey()) {
                throw new UsageError("--upsert needs the primary key column " + table.primaryIdAttribute() + " in the header.");
            }
            if (!mapper.unknownColumns().isEmpty()) {
                System.err.println("xrm4j load: " + table.logicalName() + " has no attribute " + String.join(", ", mapper.unknownColumns())
                        + "; rows with a value there fail.");
            }
            FailureLog log = new FailureLog();
            CsvRequests requests = new CsvRequests(csv, mapper, upsert, log);
            LoadProgress progress = new LoadProgress(System.err, LoadProgress.onTerminal(), rows, log::rejectedCount, PLAIN_INTERVAL);
            BulkExecutor bulk = BulkExecutor.builder().service(service).batchSize(batch).parallelism(parallel).listener(progress).build();
            BulkSummary sent = bulk.execute(requests, rows, outcome -> record(outcome, requests, log));
            progress.finish();
            log.write(failureFile);
            return summary(System.out, sent, log, failureFile);
        }
    }

    private HttpOrganizationService service() {
        try {
            return server.service();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private EntityDefinition definition(HttpOrganizationService service) {
        try {
            return EntityDefinition.retrieve(service, entity.strip().toLowerCase(Locale.ROOT));
        } catch (FaultException e) {
            if (e.errorCode() == ErrorCodes.QueryBuilderNoEntity.code()) throw new UsageError("No table named '" + entity + "'.");
            throw e;
        }
    }

    /** Counts the rows before anything is sent, which also finds a file that is not UTF-8 before it is half loaded. */
    private long rows() {
        try {
            return CsvRequests.countRows(file);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageError(file + ": " + e.getMessage());
        }
    }

    private RecordMapper mapper(EntityDefinition table, CsvReader.Record header) {
        if (header == null || header.blank()) throw new UsageError(file + " is empty: the first row must name the columns.");
        try {
            return new RecordMapper(table, header.fields());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static void record(BulkOutcome outcome, CsvRequests requests, FailureLog log) {
        if (outcome.succeeded()) return;
        long row = requests.rowOf(outcome.index());
        OrganizationServiceFault fault = outcome.fault().orElse(null);
        if (fault == null) {
            log.failed(row, "", "Not sent: the load stopped at an earlier fault.");
        } else {
            log.failed(row, String.valueOf(fault.errorCode()), fault.message());
        }
    }

    private static int summary(PrintStream out, BulkSummary sent, FailureLog log, Path failureFile) {
        long records = sent.total() + log.rejectedCount();
        long failed = log.count();
        double seconds = sent.elapsed().toNanos() / 1e9;
        out.println(String.format(Locale.ROOT, "records %d, succeeded %d, failed %d, seconds %.1f, records/s %.0f",
                records, sent.succeeded(), failed, seconds, seconds > 0 ? records / seconds : 0));
        if (failed > 0) out.println("failures: " + failureFile);
        return failed == 0 ? 0 : 1;
    }
}
