package org.xrm4j.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Row-level SQL for one organization's schema. Statements are rendered once per table and column list and cached;
 * every write bumps {@code versionnumber} from the organization's sequence inside the same statement.
 * Constraint violations come back as faults: a duplicate key as DuplicateRecord, a missing lookup target as
 * ObjectDoesNotExist naming the attribute (found through the foreign key's name), a second record with an alternate
 * key's values as DuplicateRecordEntityKey (found through the key index's name).
 */
public final class RecordStore {
    private final SqlDialect dialect;
    private final String schema;
    private final Map<String, String> sql = new ConcurrentHashMap<>();

    public RecordStore(SqlDialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    public SqlDialect dialect() { return dialect; }

    public String schema() { return schema; }

    /** Inserts a row; {@code columns} and {@code values} correspond, and exclude versionnumber. */
    public void insert(Connection c, EntityMetadata e, List<String> columns, List<Object> values) {
        try (PreparedStatement ps = c.prepareStatement(insertSql(e, columns, 1))) {
            bind(ps, values, 1);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw fault(e, ex, columns, values);
        }
    }

    /**
     * Inserts rows of one table and column list as JDBC batches (one round trip on PostgreSQL, whose driver makes
     * them multi-row statements). On H2, which runs a batch statement by statement, the rows go
     * {@link SqlDialect#rowsPerInsert()} to a statement, so that each statement's fixed cost is paid once per group.
     * A failure names no row: the caller replays the rows one by one to find it.
     */
    public void insertBatch(Connection c, EntityMetadata e, List<String> columns, List<List<Object>> rows) {
        int perStatement = dialect.rowsPerInsert();
        int grouped = rows.size() - rows.size() % perStatement;
        try {
            batch(c, e, columns, rows.subList(0, grouped), perStatement);
            batch(c, e, columns, rows.subList(grouped, rows.size()), 1);
        } catch (SQLException ex) {
            throw new StoreException("Batch insert into " + e.logicalName() + " failed", ex);
        }
    }

    private void batch(Connection c, EntityMetadata e, List<String> columns, List<List<Object>> rows, int perStatement) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(insertSql(e, columns, perStatement))) {
            for (int start = 0; start < rows.size(); start += perStatement) {
                int parameter = 1;
                for (int r = start; r < start + perStatement; r++) parameter = bind(ps, rows.get(r), parameter);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String insertSql(EntityMetadata e, List<String> columns, int rows) {
        return sql.computeIfAbsent("I|" + e.logicalName() + "|" + rows + "|" + String.join(",", columns), k -> {
            StringBuilder cols = new StringBuilder();
            StringBuilder row = new StringBuilder("(");
            for (String col : columns) {
                cols.append(dialect.quote(col)).append(", ");
                row.append("?, ");
            }
            row.append(dialect.nextValue(schema, "xrm_version")).append(")");
            return "INSERT INTO " + dialect.table(schema, e.logicalName()) + " (" + cols + "\"versionnumber\") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(rows, row));
        });
    }

    /** Updates a row; answers whether it existed. */
    public boolean update(Connection c, EntityMetadata e, UUID id, List<String> columns, List<Object> values) {
        String statement = sql.computeIfAbsent("U|" + e.logicalName() + "|" + String.join(",", columns), k -> {
            StringBuilder set = new StringBuilder();
            for (String col : columns) set.append(dialect.quote(col)).append(" = ?, ");
            return "UPDATE " + dialect.table(schema, e.logicalName()) + " SET " + set + "\"versionnumber\" = "
                    + dialect.nextValue(schema, "xrm_version") + " WHERE " + dialect.quote(e.primaryIdAttribute()) + " = ?";
        });
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, values, 1);
            ps.setObject(values.size() + 1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException ex) {
            throw fault(e, ex, columns, values);
        }
    }

    public boolean delete(Connection c, EntityMetadata e, UUID id) {
        String statement = sql.computeIfAbsent("D|" + e.logicalName(), k -> "DELETE FROM "
                + dialect.table(schema, e.logicalName()) + " WHERE " + dialect.quote(e.primaryIdAttribute()) + " = ?");
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException ex) {
            if (dialect.isForeignKeyViolation(ex)) {
                throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The " + e.logicalName() + " with Id = "
                        + id + " cannot be deleted because other records refer to it through a relationship that restricts deletion.");
            }
            throw new StoreException("Delete failed", ex);
        }
    }

    public boolean exists(Connection c, EntityMetadata e, UUID id) {
        String statement = sql.computeIfAbsent("E|" + e.logicalName(), k -> "SELECT 1 FROM "
                + dialect.table(schema, e.logicalName()) + " WHERE " + dialect.quote(e.primaryIdAttribute()) + " = ?");
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        } catch (SQLException ex) {
            throw new StoreException("Read failed", ex);
        }
    }

    /**
     * The row's version number, locked until the transaction ends so that no other writer changes it between this
     * check and the write that follows; {@code null} when the row does not exist.
     */
    public Long lockedVersion(Connection c, EntityMetadata e, UUID id) {
        String statement = sql.computeIfAbsent("V|" + e.logicalName(), k -> "SELECT \"versionnumber\" FROM "
                + dialect.table(schema, e.logicalName()) + " WHERE " + dialect.quote(e.primaryIdAttribute()) + " = ? FOR UPDATE");
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getLong(1) : null; }
        } catch (SQLException ex) {
            throw new StoreException("Read failed", ex);
        }
    }

    /** Runs a statement that touches many rows (cascades, re-parenting); answers the row count. */
    public int executeUpdate(Connection c, String statement, List<Object> params) {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, params, 1);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Statement failed: " + statement, ex);
        }
    }

    /** Whether {@code query} (a SELECT) returns any row. */
    public boolean any(Connection c, String query, List<Object> params) {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        } catch (SQLException ex) {
            throw new StoreException("Query failed: " + query, ex);
        }
    }

    /** The ids {@code query} (a SELECT of one UUID column) returns. */
    public List<UUID> ids(Connection c, String query, List<Object> params) { return column(c, query, params, UUID.class); }

    public List<String> strings(Connection c, String query, List<Object> params) { return column(c, query, params, String.class); }

    /** The first column of every row {@code query} answers. */
    private <T> List<T> column(Connection c, String query, List<Object> params, Class<T> type) {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            bind(ps, params, 1);
            List<T> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) values.add(rs.getObject(1, type));
            }
            return values;
        } catch (SQLException ex) {
            throw new StoreException("Query failed: " + query, ex);
        }
    }

    public String table(String entity) { return dialect.table(schema, entity); }

    public String quote(String identifier) { return dialect.quote(identifier); }

    /** Binds {@code values} from parameter {@code first} on; answers the next parameter's number. */
    private static int bind(PreparedStatement ps, List<Object> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) ps.setObject(first + i, values.get(i));
        return first + values.size();
    }

    private RuntimeException fault(EntityMetadata e, SQLException ex, List<String> columns, List<Object> values) {
        if (dialect.isUniqueViolation(ex)) {
            String constraint = dialect.constraintName(ex);
            for (EntityKeyMetadata key : e.keys()) {
                if (constraint != null && constraint.equalsIgnoreCase(DdlEngine.keyIndexName(e.logicalName(), key.logicalName()))) {
                    return KeyViolations.fault(key, columns, values);
                }
            }
            return new FaultException(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key: a " + e.logicalName()
                    + " record with the same id already exists.");
        }
        if (dialect.isForeignKeyViolation(ex)) {
            String constraint = dialect.constraintName(ex);
            for (int i = 0; i < columns.size(); i++) {
                String attr = columns.get(i);
                if (constraint != null && constraint.equalsIgnoreCase(DdlEngine.foreignKeyName(e.logicalName(), attr))) {
                    String target = e.attribute(attr).targets().getFirst();
                    return new FaultException(ErrorCodes.ObjectDoesNotExist, target + " With Id = " + values.get(i)
                            + " Does Not Exist (the value of '" + attr + "').");
                }
            }
            return new FaultException(ErrorCodes.ObjectDoesNotExist, "A lookup of this " + e.logicalName()
                    + " points at a record that does not exist.");
        }
        return new StoreException("Write to " + e.logicalName() + " failed", ex);
    }
}
