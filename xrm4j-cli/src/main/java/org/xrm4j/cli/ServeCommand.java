package org.xrm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.xrm4j.server.XrmServer;
import org.xrm4j.server.engine.DeploymentSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server. The first start creates the default organization and an administrator token.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data", defaultValue = "./xrm4j-data", description = "Data folder: the embedded database and admin.token (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", description = "JDBC URL of the database, e.g. jdbc:postgresql://127.0.0.1:5432/xrm4j?user=postgres (default: embedded H2 in the data folder).")
    String db;

    @Option(names = "--db-user", description = "Database user (or in the URL).")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (default: $XRM4J_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--profile", defaultValue = "onprem", description = "Setting defaults: onprem or online (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--pool", defaultValue = "16", description = "Database connections (default: ${DEFAULT-VALUE}).")
    int pool;

    @Override public Integer call() throws InterruptedException {
        DeploymentSettings.Profile p = switch (profile.toLowerCase(java.util.Locale.ROOT)) {
            case "onprem" -> DeploymentSettings.Profile.ONPREM;
            case "online" -> DeploymentSettings.Profile.ONLINE;
            default -> throw new IllegalArgumentException("--profile is onprem or online, not " + profile);
        };
        XrmServer.Config config = XrmServer.Config.defaults().withHost(host).withPort(port).withDataDir(data)
                .withJdbcUrl(db).withCredentials(dbUser, dbPassword != null ? dbPassword : System.getenv("XRM4J_DB_PASSWORD"))
                .withProfile(p).withAdminToken(blankToNull(System.getenv("XRM4J_ADMIN_TOKEN")))
                .withPool(pool, java.time.Duration.ofSeconds(10));
        XrmServer server = XrmServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("xrm4j is serving " + server.baseUrl() + " (database: " + (db == null ? "H2 in " + data : db) + ")");
        if (server.generatedAdminToken() != null) {
            System.out.println("Administrator token (shown once, also in " + data.resolve("admin.token") + "):");
            System.out.println("  " + server.generatedAdminToken());
        }
        System.out.println("SDK endpoint: " + server.baseUrl() + "/api/xrm/v1/execute   (Ctrl-C stops)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
