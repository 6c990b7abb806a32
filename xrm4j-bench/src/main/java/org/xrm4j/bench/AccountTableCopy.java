package org.xrm4j.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A copy of an organization's account table for the raw JDBC baseline: same columns and types, NOT NULL columns,
 * primary key and indexes; no foreign keys and no rows. Built from the driver's metadata, the same way on H2 and
 * PostgreSQL (H2 has no CREATE TABLE ... LIKE).
 */
final class AccountTableCopy {
    private AccountTableCopy() {}

    /**
     * Makes {@code schema.copy} with the account table's columns and types (CREATE TABLE AS ... WITH NO DATA keeps
     * both), then its NOT NULL columns, primary key and indexes as the driver's metadata lists them. Answers the
     * number of indexes besides the primary key's, for the record.
     */
    static int create(Connection c, String schema, String copy) throws SQLException {
        String source = quote(schema) + "." + quote("account");
        String target = quote(schema) + "." + quote(copy);
        drop(c, target);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + target + " AS SELECT * FROM " + source + " WITH NO DATA");
            DatabaseMetaData meta = c.getMetaData();
            for (String column : notNull(meta, schema)) {
                s.execute("ALTER TABLE " + target + " ALTER COLUMN " + quote(column) + " SET NOT NULL");
            }
            List<String> key = primaryKey(meta, schema);
            s.execute("ALTER TABLE " + target + " ADD PRIMARY KEY (" + columnList(key) + ")");
            List<Index> indexes = indexes(meta, schema, key);
            for (Index index : indexes) {
                s.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(copy + "_" + index.name())
                        + " ON " + target + " (" + columnList(index.columns()) + ")");
            }
            return indexes.size();
        }
    }

    static void drop(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private static List<String> notNull(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, "account", null)) {
            while (rs.next()) if ("NO".equals(rs.getString("IS_NULLABLE"))) columns.add(rs.getString("COLUMN_NAME"));
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, "account")) {
            while (rs.next()) columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
        if (columns.isEmpty()) throw new IllegalStateException("No primary key found on " + schema + ".account");
        return List.copyOf(columns.values());
    }

    private record Index(String name, boolean unique, List<String> columns) {}

    /** The account table's indexes other than the primary key's, each with its columns in order. */
    private static List<Index> indexes(DatabaseMetaData meta, String schema, List<String> key) throws SQLException {
        Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, "account", false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null) continue; // table statistics, not an index
                columns.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        columns.forEach((name, ordered) -> {
            List<String> list = List.copyOf(ordered.values());
            if (!list.equals(key)) indexes.add(new Index(name, unique.get(name), list));
        });
        return indexes;
    }

    private static String columnList(List<String> columns) {
        StringBuilder s = new StringBuilder();
        for (String column : columns) s.append(s.isEmpty() ? "" : ", ").append(quote(column));
        return s.toString();
    }

    private static String quote(String identifier) { return '"' + identifier + '"'; }
}
