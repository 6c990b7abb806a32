package org.xrm4j.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;

/**
 * Turns metadata into tables. Every entity is a real table with typed columns; a single-target lookup is a foreign
 * key whose ON DELETE carries the relationship's cascade, so the database itself enforces that the record exists
 * and applies delete cascades set-based. Multi-target lookups (customer, owner, regarding) cannot be foreign keys;
 * the store checks and cascades those itself.
 */
public final class DdlEngine {
    private final SqlDialect dialect;
    private final String schema;

    public DdlEngine(SqlDialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    /** Creates every table, then every foreign key (tables reference each other in cycles). */
    public void createAll(Connection c, OrganizationMetadata metadata) {
        for (EntityMetadata e : metadata.entities()) createTable(c, e);
        for (RelationshipMetadata r : metadata.relationships()) createRelationship(c, metadata, r);
    }

    public void createTable(Connection c, EntityMetadata e) {
        List<String> cols = new ArrayList<>();
        for (AttributeMetadata a : e.attributes().values()) {
            cols.add(columnDefinition(e, a));
            if (a.typeColumn() != null) cols.add(dialect.quote(a.typeColumn()) + " VARCHAR(128)");
        }
        cols.add("PRIMARY KEY (" + dialect.quote(e.primaryIdAttribute()) + ")");
        execute(c, "CREATE TABLE " + dialect.table(schema, e.logicalName()) + " (" + String.join(", ", cols) + ")");
    }

    public void addColumn(Connection c, EntityMetadata e, AttributeMetadata a) {
        String table = dialect.table(schema, e.logicalName());
        execute(c, "ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(e, a));
        if (a.typeColumn() != null) execute(c, "ALTER TABLE " + table + " ADD COLUMN " + dialect.quote(a.typeColumn()) + " VARCHAR(128)");
    }

    /** Widens a text column to the attribute's (larger) maximum length; the rows keep their values. */
    public void widenColumn(Connection c, EntityMetadata e, AttributeMetadata a) {
        execute(c, "ALTER TABLE " + dialect.table(schema, e.logicalName()) + " ALTER COLUMN " + dialect.quote(a.logicalName())
                + " SET DATA TYPE " + dialect.columnType(a));
    }

    public void dropColumn(Connection c, EntityMetadata e, AttributeMetadata a) {
        String table = dialect.table(schema, e.logicalName());
        // PostgreSQL needs CASCADE to take the column's foreign key and index along; H2 drops those by itself and
        // does not accept the keyword here.
        String cascade = "postgresql".equals(dialect.name()) ? " CASCADE" : "";
        execute(c, "ALTER TABLE " + table + " DROP COLUMN " + dialect.quote(a.logicalName()) + cascade);
        if (a.typeColumn() != null) execute(c, "ALTER TABLE " + table + " DROP COLUMN " + dialect.quote(a.typeColumn()));
    }

    public void dropTable(Connection c, EntityMetadata e) {
        execute(c, "DROP TABLE " + dialect.table(schema, e.logicalName()) + " CASCADE");
    }

    /** The foreign key (single-target lookups) or intersect table (many-to-many) of a relationship, plus its index. */
    public void createRelationship(Connection c, OrganizationMetadata metadata, RelationshipMetadata r) {
        if (r.kind() == RelationshipMetadata.Kind.ManyToMany) {
            createIntersect(c, r);
            return;
        }
        EntityMetadata referencing = metadata.entity(r.referencingEntity());
        AttributeMetadata a = referencing.attribute(r.referencingAttribute());
        // The server alone writes the audit and owning-unit lookups, always with a user or unit that exists: a foreign
        // key and an index on each would cost every insert five lookups and five index updates and protect nothing.
        if (!a.validForCreate() && !a.validForUpdate()) return;
        String table = dialect.table(schema, referencing.logicalName());
        String index = shortName("ix_" + referencing.logicalName() + "_" + a.logicalName());
        if (a.targets().indexOf(r.referencedEntity()) == 0) {
            execute(c, "CREATE INDEX " + dialect.quote(index) + " ON " + table + " (" + dialect.quote(a.logicalName()) + ")");
        }
        if (a.typeColumn() != null || !metadata.hasEntity(r.referencedEntity())) return;
        EntityMetadata referenced = metadata.entity(r.referencedEntity());
        execute(c, "ALTER TABLE " + table + " ADD CONSTRAINT " + dialect.quote(foreignKeyName(referencing.logicalName(), a.logicalName()))
                + " FOREIGN KEY (" + dialect.quote(a.logicalName()) + ") REFERENCES "
                + dialect.table(schema, referenced.logicalName()) + " (" + dialect.quote(referenced.primaryIdAttribute()) + ")"
                + onDelete(r.cascadeDelete()));
    }

    /**
     * Gives a one-to-many relationship's foreign key the ON DELETE of its (changed) cascade configuration: the key is
     * dropped and added again. Lookups without a foreign key (several targets, server-written) are left alone.
     */
    public void changeForeignKey(Connection c, OrganizationMetadata metadata, RelationshipMetadata r) {
        EntityMetadata referencing = metadata.entity(r.referencingEntity());
        AttributeMetadata a = referencing.attribute(r.referencingAttribute());
        if ((!a.validForCreate() && !a.validForUpdate()) || a.typeColumn() != null || !metadata.hasEntity(r.referencedEntity())) return;
        String table = dialect.table(schema, referencing.logicalName());
        String name = dialect.quote(foreignKeyName(referencing.logicalName(), a.logicalName()));
        execute(c, "ALTER TABLE " + table + " DROP CONSTRAINT " + name);
        execute(c, "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + dialect.quote(a.logicalName()) + ") REFERENCES "
                + dialect.table(schema, r.referencedEntity()) + " (" + dialect.quote(metadata.entity(r.referencedEntity()).primaryIdAttribute()) + ")"
                + onDelete(r.cascadeDelete()));
    }

    private void createIntersect(Connection c, RelationshipMetadata r) {
        String a1 = dialect.quote(r.entity1IntersectAttribute());
        String a2 = dialect.quote(r.entity2IntersectAttribute());
        execute(c, "CREATE TABLE " + dialect.table(schema, r.intersectEntity()) + " ("
                + dialect.quote(r.intersectEntity() + "id") + " UUID NOT NULL, " + a1 + " UUID NOT NULL, " + a2
                + " UUID NOT NULL, PRIMARY KEY (" + a1 + ", " + a2 + "))");
        // The primary key finds a first-side record's rows; this finds a second-side record's (its expansions, its delete).
        execute(c, "CREATE INDEX " + dialect.quote(shortName("ix_" + r.intersectEntity() + "_" + r.entity2IntersectAttribute()))
                + " ON " + dialect.table(schema, r.intersectEntity()) + " (" + a2 + ")");
    }

    /**
     * The unique index of an alternate key. Both databases let rows whose key columns hold a null into a unique
     * index any number of times, as the platform's key index does: only rows with every key column set collide.
     */
    public void createKeyIndex(Connection c, EntityMetadata e, EntityKeyMetadata key) {
        List<String> cols = new ArrayList<>();
        for (String a : key.keyAttributes()) cols.add(dialect.quote(a));
        execute(c, "CREATE UNIQUE INDEX " + dialect.quote(keyIndexName(e.logicalName(), key.logicalName())) + " ON "
                + dialect.table(schema, e.logicalName()) + " (" + String.join(", ", cols) + ")");
    }

    public void dropKeyIndex(Connection c, EntityMetadata e, EntityKeyMetadata key) {
        execute(c, "DROP INDEX " + dialect.table(schema, keyIndexName(e.logicalName(), key.logicalName())));
    }

    /**
     * The values of the first set of rows that already share the key's values (every key column set), or
     * {@code null} when the rows are unique. Asked before the index is built: on PostgreSQL a failed CREATE INDEX
     * would abort the caller's transaction.
     */
    public List<Object> firstDuplicate(Connection c, EntityMetadata e, EntityKeyMetadata key) {
        List<String> cols = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (String a : key.keyAttributes()) {
            cols.add(dialect.quote(a));
            notNull.add(dialect.quote(a) + " IS NOT NULL");
        }
        String sql = "SELECT " + String.join(", ", cols) + " FROM " + dialect.table(schema, e.logicalName()) + " WHERE "
                + String.join(" AND ", notNull) + " GROUP BY " + String.join(", ", cols) + " HAVING COUNT(*) > 1";
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) return null;
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= cols.size(); i++) values.add(rs.getObject(i));
            return values;
        } catch (SQLException ex) {
            throw new StoreException("Query failed: " + sql, ex);
        }
    }

    /** The name of an alternate key's unique index; the store maps a violation back to the key by it. */
    public static String keyIndexName(String entity, String key) { return shortName("uk_" + entity + "_" + key); }

    /** The name of a lookup's foreign key; the store maps a violation back to the attribute by it. */
    public static String foreignKeyName(String entity, String attribute) { return shortName("fk_" + entity + "_" + attribute); }

    private static String onDelete(CascadeType cascade) {
        return switch (cascade) {
            case Cascade, Active, UserOwned -> " ON DELETE CASCADE";
            case Restrict -> "";
            case RemoveLink, NoCascade -> " ON DELETE SET NULL";
        };
    }

    private String columnDefinition(EntityMetadata e, AttributeMetadata a) {
        String def = dialect.quote(a.logicalName()) + " " + dialect.columnType(a);
        if (a.logicalName().equals(e.primaryIdAttribute())) def += " NOT NULL";
        if (a.type() == AttributeType.BigInt && a.logicalName().equals("versionnumber")) def += " NOT NULL";
        return def;
    }

    /** PostgreSQL truncates identifiers at 63 bytes; keep long names unique by hashing their tail. */
    static String shortName(String name) {
        if (name.length() <= 60) return name;
        return name.substring(0, 51) + "_" + Integer.toHexString(name.hashCode());
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("DDL failed: " + sql, e);
        }
    }
}
