package org.xrm4j.server.store;

import java.sql.SQLException;
import org.xrm4j.server.metadata.AttributeMetadata;

/**
 * What differs between the databases xrm4j runs on. Everything else is the SQL both H2 and PostgreSQL accept.
 * Identifiers are always quoted, so table and column names are exactly the (lower-case) logical names on both.
 */
public interface SqlDialect {
    String name();

    default String quote(String identifier) { return '"' + identifier + '"'; }

    default String table(String schema, String table) { return quote(schema) + "." + quote(table); }

    /** The column type for an attribute (lookups store the record id). */
    default String columnType(AttributeMetadata a) {
        return switch (a.type()) {
            case String, EntityName -> "VARCHAR(" + Math.max(1, a.maxLength()) + ")";
            case Memo -> memoType();
            case Integer, Picklist, State, Status -> "INTEGER";
            case BigInt -> "BIGINT";
            case Decimal -> "NUMERIC(38," + Math.max(0, Math.min(10, a.precision())) + ")";
            case Money -> "NUMERIC(38,4)";
            case Double -> "DOUBLE PRECISION";
            case Boolean -> "BOOLEAN";
            case DateTime -> "TIMESTAMP WITH TIME ZONE";
            case Uniqueidentifier, Lookup, Customer, Owner, File, Image -> "UUID";
            case MultiSelectPicklist -> "VARCHAR(4000)";
        };
    }

    /** Unbounded text. */
    String memoType();

    /** Unbounded bytes (file contents). */
    String binaryType();

    /** An expression that takes the next value of a sequence. */
    String nextValue(String schema, String sequence);

    /** Rows per INSERT statement of a bulk insert. */
    default int rowsPerInsert() { return 1; }

    /** Whether bulk inserts run one at a time. */
    default boolean serializesBulkInserts() { return false; }

    /** The SQLSTATE class 23 split the way faults need it. */
    default boolean isUniqueViolation(SQLException e) { return "23505".equals(e.getSQLState()); }

    boolean isForeignKeyViolation(SQLException e);

    /** The violated constraint's name when the driver reports it, else {@code null}. */
    String constraintName(SQLException e);

    /** True when a connection could not be had in time (pool exhausted). */
    default boolean isBusy(SQLException e) { return e.getSQLState() != null && e.getSQLState().startsWith("08") && e.getMessage() != null && e.getMessage().contains("timed out"); }
}
