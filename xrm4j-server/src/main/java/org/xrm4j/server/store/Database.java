package org.xrm4j.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The database: a bounded connection pool, its dialect, and the Flyway migrations of the system tables. The pool
 * bounds database concurrency; a request that cannot get a connection in time is answered "server busy" instead of
 * queueing without limit.
 */
public final class Database implements AutoCloseable {
    /** The schema that holds deployment-wide tables (organizations, tokens, settings). */
    public static final String DEPLOYMENT_SCHEMA = "xrm4j";

    private final HikariDataSource pool;
    private final SqlDialect dialect;
    private final String url;

    private final H2Checkpoints checkpoints;
    private final java.util.concurrent.locks.ReentrantLock bulkInserts = new java.util.concurrent.locks.ReentrantLock();

    private Database(HikariDataSource pool, SqlDialect dialect, String url, H2Checkpoints checkpoints) {
        this.pool = pool;
        this.dialect = dialect;
        this.url = url;
        this.checkpoints = checkpoints;
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout) {
        SqlDialect dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? new PostgresDialect()
                : jdbcUrl.startsWith("jdbc:h2:") ? new H2Dialect()
                : null;
        if (dialect == null) throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
        if (dialect instanceof H2Dialect && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("DATABASE_TO_LOWER")) {
            // Unquoted identifiers fold to lower case, as on PostgreSQL, so quoted and unquoted names agree.
            jdbcUrl = jdbcUrl + ";DATABASE_TO_LOWER=TRUE";
        }
        if (dialect instanceof H2Dialect && System.getProperty("h2.objectCache") == null) {
            // H2 passes every value it stores through one cache shared by all sessions, to share equal values; the
            // records' values are rarely equal, and the cache cost a bulk insert a tenth of its time. Read when H2
            // opens its first database, so it is set before that.
            System.setProperty("h2.objectCache", "false");
        }
        if (dialect instanceof H2Dialect && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("ANALYZE_AUTO")) {
            // H2 re-analyzes a table after every 2000 changed rows by default, which a bulk load pays for again and again.
            jdbcUrl = jdbcUrl + ";ANALYZE_AUTO=100000";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        config.setAutoCommit(true);
        config.setPoolName("xrm4j");
        if (dialect instanceof PostgresDialect) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("prepareThreshold", "1");
        }
        // H2 writes commits to disk up to half a second later; checkpoints make them durable before a client is answered.
        H2Checkpoints checkpoints = dialect instanceof H2Dialect && jdbcUrl.startsWith("jdbc:h2:file:")
                ? new H2Checkpoints(jdbcUrl, user, password) : null;
        return new Database(new HikariDataSource(config), dialect, jdbcUrl, checkpoints);
    }

    public SqlDialect dialect() { return dialect; }

    /** Runs a bulk insert, one at a time where the dialect asks for it ({@link SqlDialect#serializesBulkInserts()}). */
    public void bulkInsert(Runnable insert) {
        if (!dialect.serializesBulkInserts()) {
            insert.run();
            return;
        }
        bulkInserts.lock();
        try {
            insert.run();
        } finally {
            bulkInserts.unlock();
        }
    }

    public String url() { return url; }

    /**
     * A pooled connection. Pool exhaustion is the server being busy, which the client may retry; any other failure
     * to connect is unexpected.
     */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new FaultException(ErrorCodes.ServerBusy, ErrorCodes.ServerBusy.message()
                    + " No database connection became free in time.");
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the database", e);
        }
    }

    /**
     * Makes every transaction committed so far durable: called before answering a request that may have committed,
     * and after a system job commits. PostgreSQL is durable at commit already; H2 writes its commits here.
     */
    public void flush() {
        if (checkpoints != null) checkpoints.flush();
    }

    /**
     * Begins making what is committed durable while the caller goes on (a long batch between its runs): the
     * {@link #flush()} before its answer then writes only what came after.
     */
    public void flushSoon() {
        if (checkpoints != null) checkpoints.flushSoon();
    }

    /** Creates or upgrades the deployment-wide system tables. */
    public void migrateDeployment() { migrate(DEPLOYMENT_SCHEMA, "classpath:db/deployment"); }

    /** Creates or upgrades one organization's system tables in its schema. */
    public void migrateOrganization(String schema) { migrate(schema, "classpath:db/organization"); }

    private void migrate(String schema, String location) {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(pool)
                .schemas(schema)
                .createSchemas(true)
                .locations(location)
                .placeholders(Map.of("memo", dialect.memoType(), "binary", dialect.binaryType()))
                .loggers("slf4j")
                .load()
                .migrate();
    }

    @Override public void close() {
        if (checkpoints != null) checkpoints.close();
        pool.close();
    }
}
