package org.xrm4j.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.server.organization.Organization;

/**
 * Real servers for tests, on a free loopback port: H2 in memory, or the PostgreSQL that {@code XRM4J_TEST_PG_URL}
 * names. Under {@code CI=true} a missing or unreachable PostgreSQL fails the suite instead of skipping it.
 * Each server gets its own organization with a unique name, so suites sharing one PostgreSQL database never see
 * each other's records.
 */
public final class TestServers {
    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestServers() {}

    /** A started server with a fresh organization of its own. */
    public record TestServer(XrmServer server, String organization, Path dataDir) implements AutoCloseable {
        /** The organization's base URL, e.g. http://127.0.0.1:41234/t3f9a. */
        public String orgUrl() { return server.baseUrl() + "/" + organization; }

        public Organization org() { return server.engine().deployment().organization(organization); }

        @Override public void close() { server.close(); }
    }

    public static TestServer start(String database) {
        return start(database, XrmServer.Config.defaults());
    }

    public static TestServer start(String database, XrmServer.Config base) {
        String jdbcUrl = switch (database) {
            case "h2" -> "jdbc:h2:mem:xrm" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            case "postgresql" -> postgresUrl();
            default -> throw new IllegalArgumentException(database);
        };
        try {
            Path data = Files.createTempDirectory("xrm4j-test");
            XrmServer server = XrmServer.start(base.withPort(0).withDataDir(data).withJdbcUrl(jdbcUrl).withAdminToken(ADMIN_TOKEN));
            String org = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            server.engine().deployment().createOrganization(org);
            return new TestServer(server, org, data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The PostgreSQL URL, or a skipped test; under CI a failure instead of a skip. */
    public static String postgresUrl() {
        String url = System.getenv("XRM4J_TEST_PG_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            if (ci) throw new IllegalStateException("CI=true but XRM4J_TEST_PG_URL is not set: the PostgreSQL suites must run.");
            Assumptions.abort("XRM4J_TEST_PG_URL is not set: PostgreSQL suite skipped");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (Exception e) {
            if (ci) throw new IllegalStateException("CI=true but PostgreSQL at " + url + " is unreachable: " + e.getMessage(), e);
            Assumptions.abort("PostgreSQL unreachable: " + e.getMessage());
        }
        return url;
    }

    /** A request by name with parameters given as name/value pairs. */
    public static OrganizationRequest request(String name, Object... params) {
        OrganizationRequest r = new OrganizationRequest(name);
        for (int i = 0; i < params.length; i += 2) r.set((String) params[i], params[i + 1]);
        return r;
    }

}
