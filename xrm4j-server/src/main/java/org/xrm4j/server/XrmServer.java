package org.xrm4j.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.server.async.AsyncService;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.http.SdkEndpoint;
import org.xrm4j.server.messages.Handlers;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Principal;
import org.xrm4j.server.security.Tokens;
import org.xrm4j.server.webapi.WebApiEndpoint;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.StoreException;

/**
 * A running xrm4j server: the database, the engine and the HTTP surfaces on Jetty with virtual threads.
 *
 * <p>The first start on an empty database creates the default organization and a deployment administrator. The
 * administrator's token is {@code adminToken} when given (the {@code XRM4J_ADMIN_TOKEN} variable), otherwise a new
 * one, printed once and written to {@code <data>/admin.token}.
 */
public final class XrmServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XrmServer.class);
    public static final String DEFAULT_ORGANIZATION = "default";

    private final Config config;
    private Database database;
    private Database jobDatabase;
    private AsyncService async;
    private Server jetty;
    private XrmEngine engine;
    private String generatedAdminToken;

    private XrmServer(Config config) { this.config = config; }

    /** How to run: where, on which database, with which defaults. */
    public record Config(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                         DeploymentSettings.Profile profile, String adminToken, int poolSize, Duration poolTimeout) {
        public static Config defaults() {
            return new Config("127.0.0.1", 8080, Path.of("xrm4j-data"), null, null, null,
                    DeploymentSettings.Profile.ONPREM, null, 16, Duration.ofSeconds(10));
        }

        public Config withPort(int p) { return new Config(host, p, dataDir, jdbcUrl, dbUser, dbPassword, profile, adminToken, poolSize, poolTimeout); }
        public Config withHost(String h) { return new Config(h, port, dataDir, jdbcUrl, dbUser, dbPassword, profile, adminToken, poolSize, poolTimeout); }
        public Config withDataDir(Path d) { return new Config(host, port, d, jdbcUrl, dbUser, dbPassword, profile, adminToken, poolSize, poolTimeout); }
        public Config withJdbcUrl(String u) { return new Config(host, port, dataDir, u, dbUser, dbPassword, profile, adminToken, poolSize, poolTimeout); }
        public Config withCredentials(String u, String p) { return new Config(host, port, dataDir, jdbcUrl, u, p, profile, adminToken, poolSize, poolTimeout); }
        public Config withProfile(DeploymentSettings.Profile p) { return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, p, adminToken, poolSize, poolTimeout); }
        public Config withAdminToken(String t) { return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, profile, t, poolSize, poolTimeout); }
        public Config withPool(int size, Duration timeout) { return new Config(host, port, dataDir, jdbcUrl, dbUser, dbPassword, profile, adminToken, size, timeout); }

        /** The JDBC URL in use: the given one, or the embedded H2 database in the data folder. */
        public String effectiveJdbcUrl() {
            if (jdbcUrl != null) return jdbcUrl;
            return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("xrm4j") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        }
    }

    public static XrmServer start(Config config) {
        XrmServer server = new XrmServer(config);
        try {
            server.startInternal();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startInternal() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir(), e);
        }
        database = Database.open(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), config.poolSize(), config.poolTimeout());
        database.migrateDeployment();
        Tokens tokens = new Tokens(database);
        Deployment deployment = new Deployment(database, tokens);
        deployment.load();
        bootstrap(deployment, tokens);
        DeploymentSettings settings = new DeploymentSettings(database, config.profile());
        Pipeline pipeline = new Pipeline(database, settings, Handlers.records());
        Handlers.registerBatches(pipeline);
        pipeline.customMessages(new org.xrm4j.server.messages.CustomApis(database));
        // System jobs get connections of their own, so that a burst of jobs never takes the interactive requests'.
        int workers = (int) settings.get(DeploymentSettings.ASYNC_WORKERS);
        jobDatabase = Database.open(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword(), workers + 3, config.poolTimeout());
        async = new AsyncService(deployment, pipeline, jobDatabase, settings, Clock.systemUTC());
        Handlers.registerAsync(pipeline, async);
        engine = new XrmEngine(deployment, pipeline, Clock.systemUTC());
        startHttp();
        async.start();
    }

    private void bootstrap(Deployment deployment, Tokens tokens) {
        List<UUID> admins = deployment.deploymentAdministrators();
        String token = config.adminToken();
        try (Connection c = database.connection()) {
            if (admins.isEmpty()) {
                UUID adminId = UUID.randomUUID();
                if (token == null) {
                    token = Tokens.generate();
                    generatedAdminToken = token;
                }
                tokens.register(c, token, new Principal(adminId, null, true));
                admins = List.of(adminId);
            } else if (token != null && !tokens.exists(c, token)) {
                tokens.register(c, token, new Principal(admins.getFirst(), null, true));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot bootstrap the deployment", e);
        }
        if (deployment.isEmpty()) deployment.createOrganization(DEFAULT_ORGANIZATION);
        database.flush();
        if (generatedAdminToken != null) writeAdminToken(generatedAdminToken);
    }

    private void writeAdminToken(String token) {
        Path file = config.dataDir().resolve("admin.token");
        try {
            Files.writeString(file, token + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private void startHttp() {
        QueuedThreadPool threads = new QueuedThreadPool(64);
        threads.setName("xrm4j-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Clients close idle keep-alive connections first (the JDK's HttpClient after 30 s, Node's agents sooner): a
        // server that closed at the same 30 s would race a request sent on a connection it is closing.
        connector.setIdleTimeout(120_000);
        jetty.addConnector(connector);
        // The SDK protocol and the Web API share one port: each handler declines the paths that are not its own.
        jetty.setHandler(new Handler.Sequence(new SdkEndpoint(engine), new WebApiEndpoint(engine),
                new org.xrm4j.server.webapi.BackgroundOperationEndpoint(engine), new org.xrm4j.server.webapi.SearchEndpoint(engine)));
        jetty.setStopTimeout(5_000);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the HTTP server on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("xrm4j listening on {}", baseUrl());
    }

    /** The port actually bound (useful with port 0). */
    public int port() { return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort(); }

    public String baseUrl() { return "http://" + config.host() + ":" + port(); }

    public XrmEngine engine() { return engine; }

    public Database database() { return database; }

    public AsyncService async() { return async; }

    /** The administrator token made at first start, or {@code null} when it was given or already existed. */
    public String generatedAdminToken() { return generatedAdminToken; }

    @Override public void close() {
        try {
            if (jetty != null) jetty.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly", e);
        }
        if (async != null) async.close();
        if (jobDatabase != null) jobDatabase.close();
        if (database != null) database.close();
    }
}
