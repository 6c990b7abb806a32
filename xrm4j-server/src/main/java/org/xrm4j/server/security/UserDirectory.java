package org.xrm4j.server.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.StoreException;

/**
 * Reads an organization's users (systemuser rows) and their roles. Every request resolves its caller and possibly
 * an impersonated user, so results are cached briefly; a role change is seen within {@link #TTL_MILLIS}.
 */
public final class UserDirectory {
    static final long TTL_MILLIS = 5_000;

    /** A user as authorization sees it. */
    public record User(UUID userId, UUID businessUnitId, boolean disabled, Set<Privilege> privileges) {}

    private record Cached(User user, long at) {}

    private final Database db;
    private final String schema;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public UserDirectory(Database db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    public Optional<User> find(UUID userId) {
        Cached c = cache.get(userId);
        long now = System.currentTimeMillis();
        if (c != null && now - c.at() < TTL_MILLIS) return Optional.of(c.user());
        try (Connection conn = db.connection()) {
            Optional<User> u = load(conn, userId);
            u.ifPresent(user -> cache.put(userId, new Cached(user, now)));
            return u;
        } catch (SQLException e) {
            throw new StoreException("Cannot read users", e);
        }
    }

    public void invalidate(UUID userId) { cache.remove(userId); }

    /**
     * The user whose Microsoft Entra object id ({@code azureactivedirectoryobjectid}) is {@code objectId}, as the
     * Web API's CallerObjectId header names one; empty when no user has it.
     */
    public Optional<UUID> findByObjectId(UUID objectId) {
        try (Connection conn = db.connection();
             PreparedStatement ps = conn.prepareStatement("SELECT \"systemuserid\" FROM " + db.dialect().table(schema, "systemuser")
                     + " WHERE LOWER(\"azureactivedirectoryobjectid\") = ?")) {
            ps.setString(1, objectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read users", e);
        }
    }

    private Optional<User> load(Connection c, UUID userId) throws SQLException {
        UUID bu;
        boolean disabled;
        try (PreparedStatement ps = c.prepareStatement("SELECT \"businessunitid\", \"isdisabled\" FROM "
                + db.dialect().table(schema, "systemuser") + " WHERE \"systemuserid\" = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                bu = rs.getObject(1, UUID.class);
                disabled = rs.getBoolean(2);
            }
        }
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT rolename FROM " + db.dialect().table(schema, "xrm_userrole")
                + " WHERE systemuserid = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) privileges.addAll(Role.byName(rs.getString(1)).privileges());
            }
        }
        return Optional.of(new User(userId, bu, disabled, privileges));
    }

    public void assignRole(Connection c, UUID userId, Role role) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.dialect().table(schema, "xrm_userrole")
                + " (systemuserid, rolename) VALUES (?, ?)")) {
            ps.setObject(1, userId);
            ps.setString(2, role.roleName());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot assign a role", e);
        }
        invalidate(userId);
    }
}
