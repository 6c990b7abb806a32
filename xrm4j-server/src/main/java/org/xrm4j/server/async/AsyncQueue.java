package org.xrm4j.server.async;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Ids;
import org.xrm4j.server.store.SqlDialect;
import org.xrm4j.server.store.StoreException;

/**
 * The asyncoperation table as a queue. Enqueueing is an insert in the caller's transaction, so a job exists exactly
 * when the request that queued it committed. Claiming locks the organization's row of {@code xrm_asynclock}, which
 * serializes the decision "which job runs next" across every server process, then recovers jobs whose lease expired
 * (their server died), and starts the oldest ready job if fewer than the allowed number run.
 */
final class AsyncQueue {
    static final int EXECUTE_ASYNC_OPERATION = 54;
    /** The operation type of a job queued by ImportSolutionAsync. */
    static final int IMPORT_SOLUTION_OPERATION = 203;

    private final SqlDialect dialect;

    AsyncQueue(SqlDialect dialect) { this.dialect = dialect; }

    UUID enqueue(ExecutionContext ctx, OrganizationRequest request, EntityReference regarding) {
        return enqueue(ctx, request, regarding, EXECUTE_ASYNC_OPERATION);
    }

    UUID enqueue(ExecutionContext ctx, OrganizationRequest request, EntityReference regarding, int operationType) {
        UUID id = Ids.next();
        String schema = ctx.organization().schema();
        OffsetDateTime now = OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC);
        String sql = "INSERT INTO " + dialect.table(schema, "asyncoperation") + " (\"asyncoperationid\", \"name\", \"operationtype\","
                + " \"messagename\", \"data\", \"statecode\", \"statuscode\", \"retrycount\", \"depth\", \"correlationid\", \"requestid\","
                + " \"regardingobjectid\", \"regardingobjectidtype\", \"primaryentitytype\", \"createdon\", \"createdby\","
                + " \"createdonbehalfby\", \"modifiedon\", \"modifiedby\", \"modifiedonbehalfby\", \"ownerid\", \"owneridtype\","
                + " \"owningbusinessunit\", \"sequence\", \"versionnumber\") VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'systemuser', ?, " + dialect.nextValue(schema, "xrm_version") + ", " + dialect.nextValue(schema, "xrm_version") + ")";
        UUID onBehalf = ctx.impersonating() ? ctx.initiatingUser().userId() : null;
        try (PreparedStatement ps = ctx.unitOfWork().connection().prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, id);
            ps.setString(i++, request.requestName());
            ps.setInt(i++, operationType);
            ps.setString(i++, request.requestName());
            ps.setString(i++, new String(SdkJson.writeRequest(request), StandardCharsets.UTF_8));
            ps.setInt(i++, ctx.depth());
            ps.setObject(i++, ctx.correlationId());
            ps.setObject(i++, request.requestId());
            ps.setObject(i++, regarding == null ? null : regarding.id());
            ps.setString(i++, regarding == null ? null : regarding.logicalName());
            ps.setString(i++, regarding == null ? null : regarding.logicalName());
            ps.setObject(i++, now);
            ps.setObject(i++, ctx.user().userId());
            ps.setObject(i++, onBehalf);
            ps.setObject(i++, now);
            ps.setObject(i++, ctx.user().userId());
            ps.setObject(i++, onBehalf);
            ps.setObject(i++, ctx.user().userId());
            ps.setObject(i, ctx.user().businessUnitId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot queue a system job", e);
        }
        return id;
    }

    /** Claims the next job of the organization for {@code host}, or nothing; commits. */
    Optional<Job> claim(Connection c, String schema, String host, java.time.Clock clock, Duration lease, int maxRunning, int maxRetries)
            throws SQLException {
        Instant now = clock.instant();
        // Most polls find nothing to do: ask without a lock or a transaction first, so that idle organizations cost
        // one indexed read per poll and never contend for the claim lock.
        if (!exists(c, "SELECT 1 FROM " + table(schema) + " WHERE \"statecode\" = 0 OR (\"statecode\" = 2 AND \"leaseexpireson\" < ?)"
                + " LIMIT 1", List.of(utc(now)))) {
            return Optional.empty();
        }
        c.setAutoCommit(false);
        try {
            query(c, "SELECT id FROM " + dialect.table(schema, "xrm_asynclock") + " WHERE id = 1 FOR UPDATE", List.of());
            recoverExpired(c, schema, now, maxRetries);
            if (count(c, "SELECT COUNT(*) FROM " + table(schema) + " WHERE \"statecode\" = 2", List.of()) >= maxRunning) {
                c.commit();
                return Optional.empty();
            }
            Job job = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT \"asyncoperationid\", \"data\", \"ownerid\", \"createdby\","
                    + " \"createdonbehalfby\", \"correlationid\", \"depth\", \"messagename\" FROM " + table(schema)
                    + " WHERE \"statecode\" = 0 AND (\"postponeuntil\" IS NULL OR \"postponeuntil\" <= ?)"
                    + " ORDER BY \"sequence\" LIMIT 1")) {
                ps.setObject(1, utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        UUID onBehalf = rs.getObject(5, UUID.class);
                        job = new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                                onBehalf != null ? onBehalf : rs.getObject(4, UUID.class), rs.getObject(6, UUID.class),
                                rs.getInt(7), rs.getString(8));
                    }
                }
            }
            if (job != null) {
                // Read after the running jobs were counted: a job that ended just before has its end before this start.
                Instant started = clock.instant();
                update(c, "UPDATE " + table(schema) + " SET \"statecode\" = 2, \"statuscode\" = 20, \"hostid\" = ?,"
                        + " \"leaseexpireson\" = ?, \"startedon\" = COALESCE(\"startedon\", ?), \"modifiedon\" = ?, \"versionnumber\" = "
                        + dialect.nextValue(schema, "xrm_version") + " WHERE \"asyncoperationid\" = ?",
                        List.of(host, utc(started.plus(lease)), utc(started), utc(started), job.id()));
            }
            c.commit();
            return Optional.ofNullable(job);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * A job whose lease ran out lost its server. It runs again (retrycount + 1) unless it was being canceled, or it
     * has been interrupted too often; its work was one transaction, so nothing of the interrupted run remains.
     */
    private void recoverExpired(Connection c, String schema, Instant now, int maxRetries) throws SQLException {
        String expired = " WHERE \"statecode\" = 2 AND \"leaseexpireson\" < ?";
        String version = ", \"versionnumber\" = " + dialect.nextValue(schema, "xrm_version");
        update(c, "UPDATE " + table(schema) + " SET \"statecode\" = 3, \"statuscode\" = 32, \"completedon\" = ?, \"hostid\" = NULL,"
                + " \"leaseexpireson\" = NULL" + version + expired + " AND \"statuscode\" = 22", List.of(utc(now), utc(now)));
        update(c, "UPDATE " + table(schema) + " SET \"statecode\" = 3, \"statuscode\" = 31, \"completedon\" = ?, \"hostid\" = NULL,"
                + " \"leaseexpireson\" = NULL, \"errorcode\" = ?, \"message\" = ?, \"friendlymessage\" = ?" + version + expired
                + " AND \"retrycount\" >= ?", List.of(utc(now), org.xrm4j.sdk.ErrorCodes.UnExpected.code(),
                "The job was interrupted " + (maxRetries + 1) + " times: its server stopped while running it.",
                "The system job could not complete because the server running it stopped repeatedly.", utc(now), maxRetries));
        update(c, "UPDATE " + table(schema) + " SET \"statecode\" = 0, \"statuscode\" = 0, \"hostid\" = NULL, \"leaseexpireson\" = NULL,"
                + " \"retrycount\" = \"retrycount\" + 1" + version + expired, List.of(utc(now)));
    }

    /** Extends a running job's lease; answers its statuscode (22 once a client asked to cancel), or -1 if it is gone. */
    int heartbeat(Connection c, String schema, UUID job, String host, Instant until) throws SQLException {
        update(c, "UPDATE " + table(schema) + " SET \"leaseexpireson\" = ? WHERE \"asyncoperationid\" = ? AND \"hostid\" = ?"
                + " AND \"statecode\" = 2", List.of(utc(until), job, host));
        try (PreparedStatement ps = c.prepareStatement("SELECT \"statuscode\" FROM " + table(schema) + " WHERE \"asyncoperationid\" = ?")) {
            ps.setObject(1, job);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getInt(1) : -1; }
        }
    }

    /**
     * Ends a job that is still In Progress on this host: in the job's own transaction on success, so the work and
     * its "Succeeded" commit together. Answers false when a client changed it meanwhile (Canceling, Pausing).
     */
    boolean finish(Connection c, String schema, UUID job, String host, int statuscode, Instant now, double millis,
                   Integer errorCode, String message, String friendly) throws SQLException {
        int state = statuscode == 10 ? 1 : statuscode == 0 ? 0 : 3;
        return update(c, "UPDATE " + table(schema) + " SET \"statecode\" = ?, \"statuscode\" = ?, \"completedon\" = ?,"
                + " \"executiontimespan\" = ?, \"errorcode\" = ?, \"message\" = ?, \"friendlymessage\" = ?, \"hostid\" = NULL,"
                + " \"leaseexpireson\" = NULL, \"modifiedon\" = ?, \"versionnumber\" = " + dialect.nextValue(schema, "xrm_version")
                + " WHERE \"asyncoperationid\" = ? AND \"hostid\" = ? AND \"statecode\" = 2" + (statuscode >= 30 && statuscode != 32 ? " AND \"statuscode\" = 20" : ""),
                java.util.Arrays.asList(state, statuscode, state == 3 ? utc(now) : null, millis, errorCode, message, friendly,
                        utc(now), job, host)) > 0;
    }

    /** Deletes completed jobs that ended before {@code before}; answers how many. */
    int purge(Connection c, String schema, Instant before) throws SQLException {
        return update(c, "DELETE FROM " + table(schema) + " WHERE \"statecode\" = 3 AND \"completedon\" < ?", List.of(utc(before)));
    }

    private String table(String schema) { return dialect.table(schema, "asyncoperation"); }

    private static OffsetDateTime utc(Instant i) { return OffsetDateTime.ofInstant(i, ZoneOffset.UTC); }

    private static int update(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            return ps.executeUpdate();
        }
    }

    private static void query(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) { /* the lock is the point */ } }
        }
    }

    private static boolean exists(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        }
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) { rs.next(); return rs.getLong(1); }
        }
    }
}
