package org.xrm4j.server.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.StoreException;

/**
 * Deployment settings: stored in the database, changeable at run time, read from memory on the hot path. A
 * server's profile supplies the defaults (on-premises or online); a stored value overrides the default.
 */
public final class DeploymentSettings {
    public static final String BATCH_SIZE = "BatchSize";
    public static final String MAX_DEPTH = "MaxDepth";
    public static final String EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS = "ExecuteAsyncPerOrgMaxConnectionsPerServer";
    public static final String MAX_REQUEST_BYTES = "MaxRequestSizeBytes";
    public static final String ASYNC_MAX_RUNNING_PER_ORG = "AsyncMaxRunningJobsPerOrganization";
    public static final String ASYNC_WORKERS = "AsyncWorkers";
    public static final String ASYNC_LEASE_SECONDS = "AsyncLeaseSeconds";
    public static final String ASYNC_MAX_RETRIES = "AsyncMaxRetries";
    public static final String ASYNC_POLL_MILLIS = "AsyncPollMilliseconds";
    public static final String ASYNC_RETENTION_DAYS = "AsyncRetentionDays";
    public static final String SERVICE_PROTECTION_REQUEST_LIMIT = "ServiceProtectionRequestLimit";
    public static final String SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS = "ServiceProtectionExecutionTimeLimitMs";
    public static final String SERVICE_PROTECTION_CONCURRENCY_LIMIT = "ServiceProtectionConcurrencyLimit";
    public static final String SERVICE_PROTECTION_WINDOW_SECONDS = "ServiceProtectionWindowSeconds";

    /** The other name the documentation gives the per-organization ExecuteMultiple limit. */
    private static final Map<String, String> ALIASES = Map.of("ExecuteMultiplePerOrgMaxConnectionsPerServer",
            EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS);

    private final Database db;
    private final Map<String, Long> defaults;
    private final Map<String, Long> values = new ConcurrentHashMap<>();

    public DeploymentSettings(Database db, Profile profile) {
        this.db = db;
        Map<String, Long> d = new LinkedHashMap<>();
        d.put(BATCH_SIZE, 1000L);
        d.put(MAX_DEPTH, 8L);
        d.put(EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS, profile == Profile.ONLINE ? 2L : 0L);
        d.put(MAX_REQUEST_BYTES, 128L * 1024 * 1024);
        // "Only one message running asynchronously is allowed to execute at a time for each organization."
        d.put(ASYNC_MAX_RUNNING_PER_ORG, 1L);
        d.put(ASYNC_WORKERS, 2L);
        d.put(ASYNC_LEASE_SECONDS, 60L);
        d.put(ASYNC_MAX_RETRIES, 3L);
        d.put(ASYNC_POLL_MILLIS, 1000L);
        // 0 keeps completed jobs until a client deletes them.
        d.put(ASYNC_RETENTION_DAYS, 0L);
        // Service protection limits per user and server process: off on premises, Dataverse's numbers online.
        boolean online = profile == Profile.ONLINE;
        d.put(SERVICE_PROTECTION_REQUEST_LIMIT, online ? 6000L : 0L);
        d.put(SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS, online ? 1_200_000L : 0L);
        d.put(SERVICE_PROTECTION_CONCURRENCY_LIMIT, online ? 52L : 0L);
        d.put(SERVICE_PROTECTION_WINDOW_SECONDS, 300L);
        this.defaults = d;
        reload();
    }

    /** Which deployment's defaults apply. */
    public enum Profile { ONPREM, ONLINE }

    public int batchSize() { return (int) get(BATCH_SIZE); }

    public int maxDepth() { return (int) get(MAX_DEPTH); }

    public int executeMultiplePerOrgMaxConnections() { return (int) get(EXECUTE_MULTIPLE_PER_ORG_MAX_CONNECTIONS); }

    public long maxRequestBytes() { return get(MAX_REQUEST_BYTES); }

    public long get(String name) {
        String key = canonical(name);
        Long v = values.get(key);
        return v != null ? v : defaults.get(key);
    }

    /** Every setting with its current value, by name. */
    public Map<String, Long> all() {
        Map<String, Long> m = new TreeMap<>();
        for (String k : defaults.keySet()) m.put(k, get(k));
        return m;
    }

    public void set(String name, long value) {
        String key = canonical(name);
        boolean positive = key.equals(BATCH_SIZE) || key.equals(MAX_DEPTH) || key.startsWith("Async") && !key.equals(ASYNC_MAX_RETRIES)
                && !key.equals(ASYNC_RETENTION_DAYS);
        if (value < 0 || (positive && value < 1)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The value " + value + " is not valid for the setting " + key + ".");
        }
        try (Connection c = db.connection()) {
            // Replace the row in one transaction: a failure between the two statements must not drop the setting.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE name = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table() + " (name, settingvalue) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, Long.toString(value));
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("Cannot save a setting", e);
        }
        values.put(key, value);
    }

    /** Reads the stored values (other server processes may have changed them). */
    public void reload() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT name, settingvalue FROM " + table());
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> fresh = new LinkedHashMap<>();
            while (rs.next()) {
                if (defaults.containsKey(rs.getString(1))) fresh.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
            values.keySet().retainAll(fresh.keySet());
            values.putAll(fresh);
        } catch (SQLException e) {
            throw new StoreException("Cannot read settings", e);
        }
    }

    private String canonical(String name) {
        // Every request reads settings by their exact names: that case needs no scan.
        if (defaults.containsKey(name)) return name;
        String key = ALIASES.getOrDefault(name, name);
        for (String k : defaults.keySet()) if (k.equalsIgnoreCase(key)) return k;
        throw new FaultException(ErrorCodes.InvalidArgument, "Unknown setting '" + name + "'. Settings: "
                + String.join(", ", defaults.keySet()) + ".");
    }

    private String table() { return db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_setting"); }
}
