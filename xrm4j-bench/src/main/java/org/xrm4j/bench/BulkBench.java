package org.xrm4j.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The bulk-load measurements of one database, in order: unmeasured warm-up batches at each stream count; the
 * ExecuteMultiple bulk load per stream count, repeated; the raw JDBC insert of the same accounts, repeated; the heap
 * cost of one batch. After each bulk measurement the account table must have grown by exactly its records, so a
 * batch that answered success without writing would not go unnoticed.
 *
 * <p>Each measurement is short (20,000 records are under half a second), so one slow moment of the machine, a
 * garbage collection or a checkpoint decides much of it; a measurement is therefore repeated and its median
 * reported, with the range beside it. Each repetition starts once the JIT compiler is idle ({@link Compiler}).
 */
final class BulkBench {
    /** Account numbers of the bulk load start here, clear of the single-request benchmarks' accounts. */
    private static final int FIRST_ACCOUNT = 1_000_000;

    private final BenchServer server;
    private final SdkHttp http;
    private final BenchOptions.Bulk shape;
    private final Consumer<String> progress;
    private int nextAccount = FIRST_ACCOUNT;

    BulkBench(BenchServer server, SdkHttp http, BenchOptions.Bulk shape, Consumer<String> progress) {
        this.server = server;
        this.http = http;
        this.shape = shape;
        this.progress = progress;
    }

    /** Everything measured on one database; the raw JDBC insert ran over the first bulk measurement's accounts. */
    record Run(BenchOptions.Bulk shape, List<BulkLoad.Result> loads, RawJdbcInsert.Result raw, BatchHeap.Result heap) {}

    Run measure() {
        BulkLoad load = new BulkLoad(http);
        warmUp(load);
        List<BulkLoad.Result> loads = new ArrayList<>();
        int rawFirst = -1;
        for (int streams : shape.streams()) {
            progress.accept(String.format(Locale.ROOT, "bulk load, %,d records in batches of %d, %d stream%s, %d time%s",
                    shape.records(), shape.batch(), streams, streams == 1 ? "" : "s", shape.repeats(), shape.repeats() == 1 ? "" : "s"));
            List<BulkLoad.Result> repeated = new ArrayList<>();
            for (int k = 0; k < shape.repeats(); k++) {
                int first = take(shape.records());
                if (rawFirst < 0) rawFirst = first;
                BulkLoad.Result r = once(load, load.prepare(first, shape.records(), shape.batch()), streams);
                progress.accept(String.format(Locale.ROOT, "    %,.0f records/s, batch p50 %.1f ms, p99 %.1f ms, CPU %.1f µs per record",
                        r.recordsPerSecond(), r.p50() / 1e6, r.p99() / 1e6, r.cpuMicrosPerRecord()));
                repeated.add(r);
            }
            BulkLoad.Result median = BulkLoad.Result.median(repeated);
            progress.accept(String.format(Locale.ROOT, "    median %,.0f records/s", median.recordsPerSecond()));
            loads.add(median);
        }
        progress.accept("raw JDBC batch insert of the same rows, " + shape.repeats() + " time" + (shape.repeats() == 1 ? "" : "s"));
        RawJdbcInsert.Result raw = new RawJdbcInsert(server).run(rawFirst, rawFirst, shape.records(), shape.batch(), shape.warmUpBatches(), shape.repeats());
        progress.accept(String.format(Locale.ROOT, "    median %,.0f rows/s, CPU %.1f µs per row (a copy of the account table with its primary key and %d other indexes)",
                raw.rowsPerSecond(), raw.cpuMicrosPerRecord(), raw.indexes()));
        progress.accept("heap cost of one batch of " + shape.batch());
        List<HttpRequest> heapBatches = new ArrayList<>();
        for (int i = 0; i < BatchHeap.REPEATS; i++) heapBatches.add(load.prepare(take(shape.batch()), shape.batch(), shape.batch()).requests().getFirst());
        BatchHeap.Result heap = BatchHeap.measure(http, heapBatches, shape.batch());
        progress.accept(String.format(Locale.ROOT, "    %.1f MB above idle (%d collections during the batch)", heap.costMegabytes(), heap.collections()));
        return new Run(shape, List.copyOf(loads), raw, heap);
    }

    /** The warm-up batches, shared out over the stream counts to be measured, so each one's code paths are compiled. */
    private void warmUp(BulkLoad load) {
        if (shape.warmUpBatches() == 0) return;
        progress.accept("bulk load warm-up, " + shape.warmUpBatches() + " batches");
        int each = Math.max(1, shape.warmUpBatches() / shape.streams().size());
        for (int streams : shape.streams()) load.run(load.prepare(take(each * shape.batch()), each * shape.batch(), shape.batch()), streams);
    }

    /** One measurement, begun once the compiler is idle; the table must grow by exactly its records. */
    private BulkLoad.Result once(BulkLoad load, BulkLoad.Batches batches, int streams) {
        Compiler.awaitIdle();
        long before = accounts();
        BulkLoad.Result r = load.run(batches, streams);
        long grown = accounts() - before;
        if (grown != batches.records()) {
            throw new IllegalStateException("The bulk load answered success for " + batches.records() + " accounts but the table grew by " + grown);
        }
        return r;
    }

    /** Reserves {@code count} account numbers no other measurement of this run uses. */
    private int take(int count) {
        int first = nextAccount;
        nextAccount += count;
        return first;
    }

    private long accounts() {
        try (Connection c = server.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + server.table("account"))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the accounts: " + e.getMessage(), e);
        }
    }
}
