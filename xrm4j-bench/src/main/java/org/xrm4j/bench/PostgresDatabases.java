package org.xrm4j.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure the benchmark's PostgreSQL database exists, so a fresh clone runs against a bare PostgreSQL. A database
 * cannot be created from inside itself, hence the detour through the {@code postgres} maintenance database on the
 * same server with the same credentials.
 */
final class PostgresDatabases {
    /** jdbc:postgresql://host[:port][,host2...]/database[?properties] */
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^/?]+)(\\?.*)?$");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabases() {}

    /** The database a URL names. */
    static String databaseName(String url) { return parts(url).group(2); }

    /** host:port of a URL, without the database and the properties (which may hold a password). */
    static String address(String url) {
        String prefix = parts(url).group(1);
        return prefix.substring("jdbc:postgresql://".length(), prefix.length() - 1);
    }

    /** The same URL with the {@code postgres} database instead of its own. */
    static String maintenanceUrl(String url) {
        Matcher m = parts(url);
        return m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    }

    /** Creates the URL's database unless it exists; a concurrent creation by someone else is fine too. */
    static void createIfMissing(String url) {
        String name = databaseName(url);
        if (!PLAIN_NAME.matcher(name).matches()) {
            // Only names that need no quoting rules beyond double quotes; anything else the user creates by hand.
            throw new IllegalArgumentException("Create the database '" + name + "' first, or use a plain name (letters, digits, _).");
        }
        try (Connection c = DriverManager.getConnection(maintenanceUrl(url))) {
            if (exists(c, name)) return;
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) return;
            // The URL stays out of the message: it may carry a password.
            throw new IllegalStateException("Cannot create the PostgreSQL database '" + name
                    + "' from the server's 'postgres' database: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Matcher parts(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host:port/database[?user=...], got " + url);
        }
        return m;
    }
}
