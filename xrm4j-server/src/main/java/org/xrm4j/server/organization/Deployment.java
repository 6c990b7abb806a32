package org.xrm4j.server.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.security.Principal;
import org.xrm4j.server.security.Role;
import org.xrm4j.server.security.Tokens;
import org.xrm4j.server.security.UserDirectory;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.RecordStore;
import org.xrm4j.server.store.StoreException;

/**
 * The organizations one database hosts and the deployment administrators who manage them. The registry lives in the
 * deployment schema, so every server process on the same database sees the same organizations.
 */
public final class Deployment {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,29}");

    private final Database db;
    private final Tokens tokens;
    private final Map<String, Organization> organizations = new ConcurrentHashMap<>();
    private volatile String defaultName;

    public Deployment(Database db, Tokens tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    public Database database() { return db; }

    public Tokens tokens() { return tokens; }

    /** A new user's id and the bearer token issued to them (shown once, stored only as a hash). */
    public record IssuedUser(UUID userId, String token) {}

    /** Loads the registered organizations. */
    public void load() {
        record Row(String name, UUID id, String schema, boolean isDefault) {}
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT uniquename, organizationid, schemaname, isdefault FROM " + registry());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)));
        } catch (SQLException e) {
            throw new StoreException("Cannot read the organization registry", e);
        }
        // Opening migrates the organization's schema, which needs connections of its own: never hold one meanwhile.
        for (Row row : rows) {
            organizations.computeIfAbsent(key(row.name()), k -> open(row.name(), row.id(), row.schema()));
            if (row.isDefault()) defaultName = row.name();
        }
    }

    public boolean isEmpty() { return organizations.isEmpty(); }

    /** The organization a URL prefix names; no prefix ({@code null}) means the default organization. */
    public Organization organization(String uniqueName) {
        String name = uniqueName == null ? defaultName : uniqueName;
        Organization org = name == null ? null : organizations.get(key(name));
        if (org == null && uniqueName != null) {
            load();
            org = organizations.get(key(uniqueName));
        }
        if (org == null) {
            throw new FaultException(ErrorCodes.OrganizationNotFound, "The organization '" + (name == null ? "(default)" : name)
                    + "' does not exist on this server.");
        }
        return org;
    }

    public List<String> organizationNames() {
        return organizations.values().stream().map(Organization::uniqueName).sorted().toList();
    }

    /** Registers and provisions an organization; the first one becomes the default. */
    public synchronized Organization createOrganization(String uniqueName) {
        if (uniqueName == null || !NAME.matcher(uniqueName).matches()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "An organization's unique name starts with a letter and has"
                    + " at most 30 letters and digits; '" + uniqueName + "' does not.");
        }
        load();
        if (organizations.containsKey(key(uniqueName))) {
            throw new FaultException(ErrorCodes.DuplicateRecord, "The organization '" + uniqueName + "' already exists.");
        }
        UUID id = UUID.randomUUID();
        String schema = "org_" + uniqueName.toLowerCase(Locale.ROOT);
        boolean isDefault = defaultName == null;
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + registry()
                     + " (uniquename, organizationid, schemaname, isdefault, createdon) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, uniqueName);
            ps.setObject(2, id);
            ps.setString(3, schema);
            ps.setBoolean(4, isDefault);
            ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot register organization " + uniqueName, e);
        }
        new OrganizationProvisioner(db).provision(uniqueName, id, schema, deploymentAdministrators());
        load();
        return organization(uniqueName);
    }

    /** Creates a user in an organization with a role and issues a token valid in that organization only. */
    public IssuedUser createUser(Organization org, String firstName, String lastName, String domainName, Role role) {
        UUID userId = UUID.randomUUID();
        String token = Tokens.generate();
        String fullName = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.dialect().table(org.schema(), "systemuser")
                    + " (\"systemuserid\", \"fullname\", \"firstname\", \"lastname\", \"domainname\", \"businessunitid\","
                    + " \"organizationid\", \"isdisabled\", \"accessmode\", \"createdon\", \"modifiedon\", \"versionnumber\")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, 0, ?, ?, " + db.dialect().nextValue(org.schema(), "xrm_version") + ")")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
                ps.setObject(1, userId);
                ps.setString(2, fullName.isEmpty() ? domainName : fullName);
                ps.setString(3, firstName);
                ps.setString(4, lastName);
                ps.setString(5, domainName);
                ps.setObject(6, org.rootBusinessUnitId());
                ps.setObject(7, org.organizationId());
                ps.setObject(8, now);
                ps.setObject(9, now);
                ps.executeUpdate();
            }
            org.users().assignRole(c, userId, role);
            tokens.register(c, token, new Principal(userId, org.uniqueName(), false));
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot create a user", e);
        }
        return new IssuedUser(userId, token);
    }

    /** The user ids of the deployment administrators (tokens valid in every organization). */
    public List<UUID> deploymentAdministrators() {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT systemuserid FROM "
                     + db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_token") + " WHERE deploymentadmin = TRUE AND organization IS NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getObject(1, UUID.class));
        } catch (SQLException e) {
            throw new StoreException("Cannot read administrators", e);
        }
        return ids;
    }

    private Organization open(String name, UUID id, String schema) {
        db.migrateOrganization(schema);
        try (Connection c = db.connection()) {
            UUID bu;
            try (PreparedStatement ps = c.prepareStatement("SELECT \"businessunitid\" FROM " + db.dialect().table(schema, "businessunit")
                    + " WHERE \"parentbusinessunitid\" IS NULL ORDER BY \"createdon\"");
                 ResultSet rs = ps.executeQuery()) {
                bu = rs.next() ? rs.getObject(1, UUID.class) : null;
            }
            return new Organization(name, id, schema, bu, new MetadataRepository(db.dialect(), schema).load(c),
                    new RecordStore(db.dialect(), schema), new UserDirectory(db, schema));
        } catch (SQLException e) {
            throw new StoreException("Cannot open organization " + name, e);
        }
    }

    private String registry() { return db.dialect().table(Database.DEPLOYMENT_SCHEMA, "xrm_organization"); }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
