package org.xrm4j.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.StoreException;

/**
 * Bearer tokens. Only a token's SHA-256 is stored, so the database never holds a usable credential; verified
 * hashes are cached in memory because every request presents one.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    public Tokens(Database db) { this.db = db; }

    /** A new random token: 32 bytes, URL-safe base64. */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(Connection c, String token, Principal p) {
        String h = hash(token);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_token")
                + " (tokenhash, systemuserid, organization, deploymentadmin, createdon) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, h);
            ps.setObject(2, p.userId());
            ps.setString(3, p.organization());
            ps.setBoolean(4, p.deploymentAdministrator());
            ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store a token", e);
        }
    }

    /** The token's holder, or empty for an unknown token. */
    public Optional<Principal> verify(String token) {
        String h = hash(token);
        Principal cached = verified.get(h);
        if (cached != null) return Optional.of(cached);
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT systemuserid, organization, deploymentadmin FROM "
                     + db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_token") + " WHERE tokenhash = ?")) {
            ps.setString(1, h);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Principal p = new Principal(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3));
                verified.put(h, p);
                return Optional.of(p);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot verify a token", e);
        }
    }

    public boolean exists(Connection c, String token) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_token")
                + " WHERE tokenhash = ?")) {
            ps.setString(1, hash(token));
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        } catch (SQLException e) {
            throw new StoreException("Cannot read tokens", e);
        }
    }
}
