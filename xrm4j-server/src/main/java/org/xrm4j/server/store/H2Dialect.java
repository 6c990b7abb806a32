package org.xrm4j.server.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x, the embedded default. */
public final class H2Dialect implements SqlDialect {
    private static final Pattern CONSTRAINT = Pattern.compile("(?<![A-Za-z0-9_])(FK_[A-Za-z0-9_]+|fk_[A-Za-z0-9_]+|uk_[A-Za-z0-9_]+)");

    @Override public String name() { return "h2"; }

    @Override public String memoType() { return "CHARACTER LARGE OBJECT"; }

    @Override public String binaryType() { return "BINARY LARGE OBJECT"; }

    /**
     * H2 runs a JDBC batch one statement at a time, and each statement costs about as much again as inserting its
     * row; 32 rows a statement leave a tenth of that.
     */
    @Override public int rowsPerInsert() { return 32; }

    /**
     * Two H2 transactions appending to the same table update the same index pages, and each retries its
     * copy-on-write update when the other got there first: two bulk loads at once spent a tenth more CPU per row
     * than one after the other, while their JSON and validation run in parallel either way.
     */
    @Override public boolean serializesBulkInserts() { return true; }

    @Override public String nextValue(String schema, String sequence) {
        return "NEXT VALUE FOR " + table(schema, sequence);
    }

    @Override public boolean isForeignKeyViolation(SQLException e) {
        return "23506".equals(e.getSQLState()) || "23503".equals(e.getSQLState());
    }

    @Override public String constraintName(SQLException e) {
        Matcher m = CONSTRAINT.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
