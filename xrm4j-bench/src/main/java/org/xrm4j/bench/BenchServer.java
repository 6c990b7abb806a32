package org.xrm4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.xrm4j.server.XrmServer;

/**
 * A real xrm4j server in this JVM, on a free loopback port, with an organization of its own whose name is unique
 * to the run, so runs against one shared PostgreSQL database never see each other's records. H2 runs as the
 * embedded default does: a file database in a data folder, here a temporary one deleted on close.
 *
 * <p>The organizations of past runs stay in the PostgreSQL database (there is no message to remove one); drop the
 * database to reclaim the space.
 */
final class BenchServer implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final XrmServer server;
    private final Path dataDir;
    private final String organization;
    private final String schema;
    private final String token;

    private BenchServer(XrmServer server, Path dataDir, String organization, String schema, String token) {
        this.server = server;
        this.dataDir = dataDir;
        this.organization = organization;
        this.schema = schema;
        this.token = token;
    }

    /** Starts a server on {@code h2} or {@code postgresql} (creating the PostgreSQL database when missing). */
    static BenchServer start(String database, String postgresUrl) {
        Path data = createDataDir();
        // A token of this run only: nothing fixed and guessable is left registered in a shared database.
        String token = "bench-" + UUID.randomUUID();
        XrmServer.Config config = XrmServer.Config.defaults().withPort(0).withDataDir(data).withAdminToken(token);
        if (database.equals("postgresql")) {
            PostgresDatabases.createIfMissing(postgresUrl);
            config = config.withJdbcUrl(postgresUrl);
        }
        XrmServer server = null;
        try {
            server = XrmServer.start(config);
            String org = "bench" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + UUID.randomUUID().toString().substring(0, 6);
            String schema = server.engine().deployment().createOrganization(org).schema();
            return new BenchServer(server, data, org, schema, token);
        } catch (RuntimeException e) {
            if (server != null) server.close();
            deleteRecursively(data);
            throw e;
        }
    }

    String organization() { return organization; }

    String token() { return token; }

    /** The organization's database schema, which holds its account table. */
    String schema() { return schema; }

    /** A table of the organization's schema, quoted as the server quotes it. */
    String table(String name) { return server.database().dialect().table(schema, name); }

    /** The SQL expression that takes the next row version, as the server's inserts do. */
    String nextVersion() { return server.database().dialect().nextValue(schema, "xrm_version"); }

    /**
     * A connection of the server's own pool: the same URL and driver options as the server's inserts (on
     * PostgreSQL, batched inserts rewritten to multi-row statements), so a raw JDBC baseline compares like with like.
     */
    Connection connection() { return server.database().connection(); }

    /** Makes the commits so far durable, as the server does before it answers a request (H2 writes them here). */
    void flush() { server.database().flush(); }

    /** The organization's Web API root, {@code .../api/data/v9.2/}. */
    String webApiUrl() { return server.baseUrl() + "/" + organization + "/api/data/v9.2/"; }

    /** The organization's SDK endpoint. */
    String executeUrl() { return server.baseUrl() + "/" + organization + "/api/xrm/v1/execute"; }

    /** The database product and version as the database itself reports it; PostgreSQL adds its build. */
    String databaseVersion() {
        try (Connection c = server.database().connection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (meta.getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
                    rs.next();
                    // Where it runs says whether the database shared the machine's cores with the server.
                    return rs.getString(1) + ", at " + PostgresDatabases.address(server.database().url());
                }
            }
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return meta.getDriverVersion().equals(meta.getDatabaseProductVersion()) ? product + ", file database"
                    : product + " (driver " + meta.getDriverVersion() + "), file database";
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override public void close() {
        server.close();
        deleteRecursively(dataDir);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("xrm4j-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data folder", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
