package org.xrm4j.server.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.store.SqlDialect;
import org.xrm4j.server.store.StoreException;
import org.xrm4j.server.store.ValueConverter;

/** Runs a planned query and reads the rows back as Entities, with lookup names and formatted values. */
public final class QueryRunner {
    private final OrganizationMetadata metadata;
    private final SqlDialect dialect;
    private final String schema;

    public QueryRunner(OrganizationMetadata metadata, SqlDialect dialect, String schema) {
        this.metadata = metadata;
        this.dialect = dialect;
        this.schema = schema;
    }

    public EntityCollection run(Connection c, QueryExpression query, QueryScope scope) {
        SqlQuery q = new QueryPlanner(metadata, dialect, schema, scope).plan(query);
        List<Entity> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            bind(ps, q.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(read(rs, q));
            }
        } catch (SQLException e) {
            throw new StoreException("Query failed: " + q.sql(), e);
        }
        EntityCollection result = new EntityCollection().entityName(q.entityName());
        boolean more = q.paged() && rows.size() > q.pageSize();
        if (more) rows = rows.subList(0, q.pageSize());
        result.entities().addAll(rows);
        result.moreRecords(more);
        if (q.paged() && !rows.isEmpty()) {
            result.pagingCookie(PagingCookie.create(q.pageNumber(), q.primaryIdAttribute(),
                    rows.getFirst().id(), rows.getLast().id()));
        }
        if (q.countSql() != null) {
            int total = count(c, q);
            result.totalRecordCount(Math.min(total, QueryPlanner.MAX_PAGE_SIZE));
            result.totalRecordCountLimitExceeded(total > QueryPlanner.MAX_PAGE_SIZE);
        }
        return result;
    }

    private int count(Connection c, SqlQuery q) {
        try (PreparedStatement ps = c.prepareStatement(q.countSql())) {
            bind(ps, q.countParameters());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Count failed", e);
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
    }

    private Entity read(ResultSet rs, SqlQuery q) throws SQLException {
        Entity e = new Entity(q.entityName(), q.idColumn() > 0 ? rs.getObject(q.idColumn(), UUID.class) : null);
        if (q.versionColumn() > 0) {
            long version = rs.getLong(q.versionColumn());
            if (!rs.wasNull()) e.rowVersion(Long.toString(version));
        }
        for (Projection p : q.projections()) {
            Object value = value(rs, p);
            String name = p.alias() == null ? p.attribute().logicalName() : p.alias() + "." + p.attribute().logicalName();
            if (value == null) {
                // Dataverse leaves null attributes out of a retrieved record.
                continue;
            }
            e.attributes().put(name, p.alias() == null ? value
                    : new AliasedValue(p.entity().logicalName(), p.attribute().logicalName(), value));
            String formatted = formatted(p.attribute(), value);
            if (formatted != null) e.formattedValues().put(name, formatted);
        }
        return e;
    }

    private Object value(ResultSet rs, Projection p) throws SQLException {
        AttributeMetadata a = p.attribute();
        Object raw = ValueConverter.fromColumn(a, rs, p.valueColumn());
        if (raw == null || !a.type().isLookup()) return raw;
        String target = p.typeColumn() > 0 ? rs.getString(p.typeColumn()) : a.targets().getFirst();
        String name = null;
        for (Projection.NameColumn n : p.nameColumns()) {
            if (n.target().equals(target)) name = rs.getString(n.column());
        }
        return new EntityReference(target, (UUID) raw, name);
    }

    /** The label a person sees: option labels and Yes/No, as Dataverse's FormattedValues. */
    private static String formatted(AttributeMetadata a, Object value) {
        if (value instanceof OptionSetValue o) {
            OptionMetadata option = a.option(o.value());
            return option == null ? null : option.label();
        }
        if (a.type() == AttributeType.Boolean) return Boolean.TRUE.equals(value) ? "Yes" : "No";
        return null;
    }
}
