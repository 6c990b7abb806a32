package org.xrm4j.server.store;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/** PostgreSQL 13 and later, for production and several nodes. */
public final class PostgresDialect implements SqlDialect {
    @Override public String name() { return "postgresql"; }

    @Override public String memoType() { return "TEXT"; }

    @Override public String binaryType() { return "BYTEA"; }

    @Override public String nextValue(String schema, String sequence) {
        return "nextval('" + table(schema, sequence).replace("'", "''") + "')";
    }

    @Override public boolean isForeignKeyViolation(SQLException e) { return "23503".equals(e.getSQLState()); }

    @Override public String constraintName(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) return p.getServerErrorMessage().getConstraint();
        return null;
    }
}
