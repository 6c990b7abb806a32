package org.xrm4j.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.server.engine.Ids;

/**
 * The ceiling the bulk load is judged against: the same accounts inserted with plain JDBC into a copy of the
 * server's account table, in the same database, over a connection of the server's pool (same driver options).
 * PreparedStatement batches of the bulk batch size, one commit per batch, durable as the server makes its commits
 * before answering: what a hand-written loader would do, with no HTTP, no JSON, no validation.
 *
 * <p>Same rows, not only the same ten attributes: the server also writes its own columns (owner, business unit,
 * created/modified by and on, state, status, row version). They are copied from a row the server wrote, and the
 * row version comes from the same sequence, so both sides insert rows of the same width into tables with the same
 * columns, types, primary key and indexes. The copy has no foreign keys (the rows' lookups the server checks by
 * key are empty here) and the ids are made before the clock starts.
 */
final class RawJdbcInsert {
    static final String TABLE = "bench_raw_account";

    private final BenchServer server;

    RawJdbcInsert(BenchServer server) { this.server = server; }

    /**
     * One measurement; latencies in nanoseconds, per batch (from the first addBatch to the commit's return);
     * {@code indexes} counts the copy's indexes besides the primary key. {@code repetitions} holds the rates of every
     * repetition of the measurement this one is the median of.
     */
    record Result(int records, int batches, double seconds, long p50, long p99, long max, int indexes, long cpuNanos,
                  List<Double> repetitions) {
        double rowsPerSecond() { return records / seconds; }

        double cpuMicrosPerRecord() { return cpuNanos / 1e3 / records; }
    }

    /**
     * Creates the copy of the account table (dropping a leftover one), inserts {@code warmUpBatches} unmeasured
     * batches, then the accounts {@code first .. first + records - 1} {@code repeats} times (new ids each time),
     * checks the row count, drops the copy and answers the repetition of median rate.
     *
     * @param serverAccount the number of an account the server created, whose server-written columns every row copies
     */
    Result run(int serverAccount, int first, int records, int batchSize, int warmUpBatches, int repeats) {
        try (Connection c = server.connection()) {
            String table = server.table(TABLE);
            int indexes = AccountTableCopy.create(c, server.schema(), TABLE);
            Map<String, Object> managed = serverColumns(c, serverAccount);
            List<String> columns = new ArrayList<>(List.of("accountid"));
            columns.addAll(Accounts.COLUMNS);
            columns.addAll(managed.keySet());
            String sql = insertSql(table, columns);
            c.setAutoCommit(false);
            int warmUpRows = warmUpBatches * batchSize;
            insert(c, sql, rows(first - warmUpRows, warmUpRows, managed), batchSize, server::flush);
            List<Result> repeated = new ArrayList<>();
            for (int k = 0; k < repeats; k++) repeated.add(once(c, sql, rows(first, records, managed), batchSize, indexes));
            c.setAutoCommit(true);
            long count = count(c, table);
            if (count != warmUpRows + (long) repeats * records) {
                throw new IllegalStateException(table + " holds " + count + " rows, not " + (warmUpRows + (long) repeats * records));
            }
            AccountTableCopy.drop(c, table);
            return median(repeated);
        } catch (SQLException e) {
            throw new IllegalStateException("Raw JDBC insert failed: " + e.getMessage(), e);
        }
    }

    private Result once(Connection c, String sql, List<Object[]> rows, int batchSize, int indexes) throws SQLException {
        Compiler.awaitIdle();
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        Samples latencies = insert(c, sql, rows, batchSize, server::flush);
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = ProcessCpu.nanos() - cpu;
        Samples sorted = Samples.merge(List.of(latencies));
        return new Result(rows.size(), latencies.size(), seconds, sorted.percentile(0.5), sorted.percentile(0.99), sorted.max(),
                indexes, cpu, List.of(rows.size() / seconds));
    }

    /** The repetition of median rate, with every repetition's rate. */
    private static Result median(List<Result> repeated) {
        Result m = Repetitions.median(repeated, Result::rowsPerSecond);
        return new Result(m.records, m.batches, m.seconds, m.p50, m.p99, m.max, m.indexes, m.cpuNanos,
                Repetitions.rates(repeated, Result::rowsPerSecond));
    }

    /** The columns of a server-written account beyond its id, version and the ten attributes: those it filled. */
    private Map<String, Object> serverColumns(Connection c, int account) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        Object number = Accounts.account(account).get("accountnumber");
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + server.table("account") + " WHERE \"accountnumber\" = ?")) {
            ps.setObject(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("The account " + number + " the server created is not in its table");
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                    Object value = rs.getObject(i);
                    if (value == null || column.equals("accountid") || column.equals("versionnumber")
                            || Accounts.COLUMNS.contains(column)) continue;
                    values.put(column, value);
                }
            }
        }
        return values;
    }

    private String insertSql(String table, List<String> columns) {
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String column : columns) {
            names.append('"').append(column).append("\", ");
            marks.append("?, ");
        }
        return "INSERT INTO " + table + " (" + names + "\"versionnumber\") VALUES (" + marks + server.nextVersion() + ")";
    }

    /** The parameters of each row, in the insert's column order: id, the ten attributes, the server's columns. */
    private static List<Object[]> rows(int first, int records, Map<String, Object> managed) {
        List<Object[]> rows = new ArrayList<>(records);
        for (int n = first; n < first + records; n++) {
            Object[] attributes = Accounts.columnValues(n);
            Object[] row = new Object[1 + attributes.length + managed.size()];
            row[0] = Ids.next(); // time-ordered like the server's ids, so both append to the primary key alike
            System.arraycopy(attributes, 0, row, 1, attributes.length);
            int i = 1 + attributes.length;
            for (Object value : managed.values()) row[i++] = value;
            rows.add(row);
        }
        return rows;
    }

    /** Inserts the rows as batches of {@code batchSize}, each committed on its own; answers each batch's time. */
    private static Samples insert(Connection c, String sql, List<Object[]> rows, int batchSize, Runnable durable) throws SQLException {
        Samples latencies = new Samples(rows.size() / batchSize + 1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                long begin = System.nanoTime();
                for (Object[] row : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                    for (int i = 0; i < row.length; i++) ps.setObject(i + 1, row[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                durable.run();
                latencies.add(System.nanoTime() - begin);
            }
        }
        return latencies;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
