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
 * The bulk-load measurements of one database, in order: unmeasured warm-up batches; the ExecuteMultiple bulk load
 * once per stream count; the raw JDBC insert of the first bulk measurement's accounts; the heap cost of one batch.
 * After each bulk measurement the account table must have grown by exactly its records, so a batch that answered
 * success without writing would not go unnoticed.
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
        if (shape.warmUpBatches() > 0) {
            progress.accept("bulk load warm-up, " + shape.warmUpBatches() + " batches");
            load.run(load.prepare(take(shape.warmUpBatches() * shape.batch()), shape.warmUpBatches() * shape.batch(), shape.batch()), 1);
        }
        List<BulkLoad.Result> loads = new ArrayList<>();
        int rawFirst = -1;
        for (int streams : shape.streams()) {
            int first = take(shape.records());
            if (rawFirst < 0) rawFirst = first;
            BulkLoad.Batches batches = load.prepare(first, shape.records(), shape.batch());
            long before = accounts();
            progress.accept(String.format(Locale.ROOT, "bulk load, %,d records in batches of %d, %d stream%s",
                    shape.records(), shape.batch(), streams, streams == 1 ? "" : "s"));
            BulkLoad.Result r = load.run(batches, streams);
            long grown = accounts() - before;
            if (grown != shape.records()) {
                throw new IllegalStateException("The bulk load answered success for " + shape.records() + " accounts but the table grew by " + grown);
            }
            progress.accept(String.format(Locale.ROOT, "    %,.0f records/s, batch p50 %.1f ms, p99 %.1f ms, CPU %.1f µs per record",
                    r.recordsPerSecond(), r.p50() / 1e6, r.p99() / 1e6, r.cpuMicrosPerRecord()));
            loads.add(r);
        }
        progress.accept("raw JDBC batch insert of the same rows");
        RawJdbcInsert.Result raw = new RawJdbcInsert(server).run(rawFirst, rawFirst, shape.records(), shape.batch(), shape.warmUpBatches());
        progress.accept(String.format(Locale.ROOT, "    %,.0f rows/s, CPU %.1f µs per row (a copy of the account table with its primary key and %d other indexes)",
                raw.rowsPerSecond(), raw.cpuMicrosPerRecord(), raw.indexes()));
        progress.accept("heap cost of one batch of " + shape.batch());
        List<HttpRequest> heapBatches = new ArrayList<>();
        for (int i = 0; i < BatchHeap.REPEATS; i++) heapBatches.add(load.prepare(take(shape.batch()), shape.batch(), shape.batch()).requests().getFirst());
        BatchHeap.Result heap = BatchHeap.measure(http, heapBatches, shape.batch());
        progress.accept(String.format(Locale.ROOT, "    %.1f MB above idle (%d collections during the batch)", heap.costMegabytes(), heap.collections()));
        return new Run(shape, List.copyOf(loads), raw, heap);
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
