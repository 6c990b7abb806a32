package org.xrm4j.server.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataRepository;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.metadata.SystemEntities;
import org.xrm4j.server.security.Role;
import org.xrm4j.server.security.UserDirectory;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.DdlEngine;
import org.xrm4j.server.store.StoreException;

/**
 * Makes a new organization: its schema and system tables (Flyway), its record tables (DDL engine from the built-in
 * metadata), and its first rows: the organization, the root business unit, and the deployment administrators as
 * System Administrator users.
 */
final class OrganizationProvisioner {
    private final Database db;

    OrganizationProvisioner(Database db) { this.db = db; }

    /** Creates the schema and seed rows; answers the root business unit's id. */
    UUID provision(String uniqueName, UUID organizationId, String schema, List<UUID> administrators) {
        db.migrateOrganization(schema);
        OrganizationMetadata metadata = SystemEntities.metadata();
        UUID businessUnitId = UUID.randomUUID();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            new DdlEngine(db.dialect(), schema).createAll(c, metadata);
            // The job dispatcher asks every organization, every poll, whether a job waits: keep that an index read.
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE INDEX " + db.dialect().quote("ix_asyncoperation_statecode") + " ON "
                        + db.dialect().table(schema, "asyncoperation") + " (" + db.dialect().quote("statecode") + ")");
            }
            MetadataRepository repository = new MetadataRepository(db.dialect(), schema);
            for (EntityMetadata e : metadata.entities()) repository.saveEntity(c, e);
            for (RelationshipMetadata r : metadata.relationships()) repository.saveRelationship(c, r);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
            insert(c, schema, "organization", List.of("organizationid", "name", "languagecode", "createdon", "modifiedon"),
                    List.of(organizationId, uniqueName, "1033", now, now));
            insert(c, schema, "businessunit", List.of("businessunitid", "name", "organizationid", "isdisabled", "createdon", "modifiedon"),
                    List.of(businessUnitId, uniqueName, organizationId, false, now, now));
            UserDirectory users = new UserDirectory(db, schema);
            for (UUID admin : administrators) {
                insert(c, schema, "systemuser", List.of("systemuserid", "fullname", "firstname", "lastname", "domainname",
                                "businessunitid", "organizationid", "isdisabled", "accessmode", "createdon", "modifiedon"),
                        List.of(admin, "System Administrator", "System", "Administrator", "admin", businessUnitId,
                                organizationId, false, 0, now, now));
                users.assignRole(c, admin, Role.SystemAdministrator);
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot provision organization " + uniqueName, e);
        }
        return businessUnitId;
    }

    private void insert(Connection c, String schema, String table, List<String> columns, List<Object> values) throws SQLException {
        StringBuilder cols = new StringBuilder("\"versionnumber\"");
        StringBuilder marks = new StringBuilder(db.dialect().nextValue(schema, "xrm_version"));
        for (String col : columns) {
            cols.append(", ").append(db.dialect().quote(col));
            marks.append(", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.dialect().table(schema, table) + " (" + cols + ") VALUES (" + marks + ")")) {
            for (int i = 0; i < values.size(); i++) ps.setObject(i + 1, values.get(i));
            ps.executeUpdate();
        }
    }
}
