package org.xrm4j.server.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.store.SqlDialect;

/**
 * Plans a QueryExpression as one SQL statement. FetchXML and QueryByAttribute are converted to QueryExpression
 * first, so every query kind shares this planner. Lookup names come from LEFT JOINs on the target tables (one per
 * possible target), link entities become joins whose columns are returned aliased, and ordering always ends on the
 * primary key so that pages are stable.
 */
public final class QueryPlanner {
    /** Dataverse returns at most 5000 records per page. */
    public static final int MAX_PAGE_SIZE = 5000;

    private final OrganizationMetadata metadata;
    private final SqlDialect dialect;
    private final String schema;
    private final ConditionWriter conditions;

    private final List<String> select = new ArrayList<>();
    private final List<String> joins = new ArrayList<>();
    private final List<Object> joinParams = new ArrayList<>();
    private final List<Projection> projections = new ArrayList<>();
    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private int aliasCounter;
    private final Map<String, Integer> linkNameCounter = new LinkedHashMap<>();
    private final List<ScopedOrder> linkOrders = new ArrayList<>();
    private final List<ScopedLink> filterLinks = new ArrayList<>();

    public QueryPlanner(OrganizationMetadata metadata, SqlDialect dialect, String schema, QueryScope scope) {
        this.metadata = metadata;
        this.dialect = dialect;
        this.schema = schema;
        this.conditions = new ConditionWriter(scope);
    }

    /** A table in the FROM clause: its SQL alias and, for link entities, the alias users address it by. */
    private record Scope(String sqlAlias, EntityMetadata entity, String userAlias) {}

    /** A filtering link (Any, NotAny, All, NotAll) of the query or of a joined link, and-ed after the criteria. */
    private record ScopedLink(Scope scope, LinkEntity link) {}

    /** An order of a link entity, sorted on after the root's orders as Dataverse does. */
    private record ScopedOrder(Scope scope, OrderExpression order) {}

    SqlQuery plan(QueryExpression q) {
        EntityMetadata root = metadata.entity(q.entityName());
        Scope rootScope = new Scope("t0", root, null);
        scopes.put("", rootScope);
        // The primary key is always returned, as in Dataverse, unless distinct rows were asked for: a key in every
        // row would make every row distinct.
        int idColumn = q.distinct() ? 0 : addColumn("t0." + dialect.quote(root.primaryIdAttribute()));
        addColumns(rootScope, q.columnSet(), true);
        AttributeMetadata key = root.requireAttribute(root.primaryIdAttribute());
        if (!q.distinct() && projections.stream().noneMatch(p -> p.attribute().equals(key))) {
            projections.addFirst(new Projection(null, root, key, idColumn, 0, List.of()));
        }
        // Every record carries its RowVersion, as in the SDK, selected or not (distinct rows are no records).
        int versionColumn = !q.distinct() && root.has("versionnumber") ? addColumn("t0." + dialect.quote("versionnumber")) : 0;
        List<String> where = new ArrayList<>();
        List<Object> whereParams = new ArrayList<>();
        for (LinkEntity link : q.linkEntities()) addLink(rootScope, link, where, whereParams);
        String criteria = filter(rootScope, q.criteria(), whereParams);
        if (!criteria.isEmpty()) where.addFirst(criteria);
        // After the criteria, so that the parameters stay in the order of the SQL text.
        for (ScopedLink l : filterLinks) where.add(exists(l.scope(), l.link(), whereParams));

        List<String> orderBy = new ArrayList<>();
        for (OrderExpression o : q.orders()) orderBy.add(order(rootScope, o));
        for (ScopedOrder o : linkOrders) orderBy.add(order(o.scope(), o.order()));
        if (q.distinct()) {
            // Distinct rows have no key; ordering on every selected column keeps their pages stable.
            int selected = select.size();
            for (int i = 1; i <= selected; i++) orderBy.add("c" + i + " ASC");
        } else {
            orderBy.add("c" + idColumn + " ASC");
        }

        String from = " FROM " + dialect.table(schema, root.logicalName()) + " t0" + String.join("", joins);
        String whereSql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<Object> params = new ArrayList<>(joinParams);
        params.addAll(whereParams);

        PagingInfo page = q.pageInfo();
        boolean paged = q.topCount() == null;
        int pageSize = q.topCount() != null ? q.topCount()
                : page != null && page.count() > 0 ? Math.min(page.count(), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
        if (pageSize < 0) throw new FaultException(ErrorCodes.InvalidArgument, "TopCount and PageInfo.Count cannot be negative.");
        int pageNumber = page != null && page.pageNumber() > 0 && q.topCount() == null ? page.pageNumber() : 1;
        long offset = (long) (pageNumber - 1) * pageSize;

        String sql = "SELECT " + (q.distinct() ? "DISTINCT " : "") + String.join(", ", select) + from + whereSql
                + " ORDER BY " + String.join(", ", orderBy)
                + " LIMIT " + (paged ? pageSize + 1 : pageSize) + (offset > 0 ? " OFFSET " + offset : "");
        String counted = q.distinct() ? "DISTINCT " + String.join(", ", select) : "t0." + dialect.quote(root.primaryIdAttribute());
        String countSql = page != null && page.returnTotalRecordCount()
                ? "SELECT COUNT(*) FROM (SELECT " + counted + from + whereSql + " LIMIT " + (MAX_PAGE_SIZE + 1) + ") c"
                : null;
        return new SqlQuery(sql, params, countSql, params, projections, idColumn, pageSize, pageNumber, paged,
                root.logicalName(), root.primaryIdAttribute(), versionColumn);
    }

    private void addLink(Scope parent, LinkEntity link, List<String> where, List<Object> whereParams) {
        if (link.joinOperator().filters()) {
            filterLinks.add(new ScopedLink(parent, link));
            return;
        }
        Join join = join(parent, link);
        EntityMetadata target = join.target();
        AttributeMetadata from = join.from();
        AttributeMetadata to = join.to();
        Scope scope = scope(target, link);
        String sqlAlias = scope.sqlAlias();
        List<Object> onParams = new ArrayList<>();
        String on = sqlAlias + "." + dialect.quote(to.logicalName()) + " = " + parent.sqlAlias() + "." + dialect.quote(from.logicalName());
        String extra = filter(scope, link.linkCriteria(), onParams);
        boolean outer = link.joinOperator() == JoinOperator.LeftOuter;
        if (!extra.isEmpty()) on += " AND " + extra;
        joins.add((outer ? " LEFT JOIN " : " INNER JOIN ") + dialect.table(schema, target.logicalName()) + " " + sqlAlias + " ON " + on);
        joinParams.addAll(onParams);
        addColumns(scope, link.columns(), false);
        for (OrderExpression o : link.orders()) linkOrders.add(new ScopedOrder(scope, o));
        for (LinkEntity nested : link.linkEntities()) addLink(scope, nested, where, whereParams);
    }

    /** Dataverse names an unaliased link after its table and position: contact1, contact2, ... */
    private String defaultAlias(String entity) {
        int n = linkNameCounter.merge(entity, 1, Integer::sum);
        return entity + n;
    }

    private void addColumns(Scope scope, ColumnSet columns, boolean root) {
        EntityMetadata e = scope.entity();
        List<AttributeMetadata> attributes = new ArrayList<>();
        if (columns == null) return;
        if (columns.allColumns()) {
            attributes.addAll(e.attributes().values());
        } else {
            for (String name : columns.columns()) attributes.add(e.requireAttribute(name));
        }
        for (AttributeMetadata a : attributes) {
            int value = addColumn(scope.sqlAlias() + "." + dialect.quote(a.logicalName()));
            int type = a.typeColumn() == null ? 0 : addColumn(scope.sqlAlias() + "." + dialect.quote(a.typeColumn()));
            List<Projection.NameColumn> names = new ArrayList<>();
            if (a.type().isLookup()) {
                for (String target : a.targets()) {
                    if (!metadata.hasEntity(target)) continue;
                    EntityMetadata t = metadata.entity(target);
                    if (t.primaryNameAttribute() == null) continue;
                    String alias = "n" + (++aliasCounter);
                    String on = alias + "." + dialect.quote(t.primaryIdAttribute()) + " = " + scope.sqlAlias() + "." + dialect.quote(a.logicalName());
                    if (a.typeColumn() != null) {
                        on += " AND " + scope.sqlAlias() + "." + dialect.quote(a.typeColumn()) + " = ?";
                        joinParams.add(target);
                    }
                    joins.add(" LEFT JOIN " + dialect.table(schema, t.logicalName()) + " " + alias + " ON " + on);
                    names.add(new Projection.NameColumn(target, addColumn(alias + "." + dialect.quote(t.primaryNameAttribute()))));
                }
            }
            projections.add(new Projection(root ? null : scope.userAlias(), e, a, value, type, names));
        }
    }

    private int addColumn(String expression) {
        select.add(expression + " AS c" + (select.size() + 1));
        return select.size();
    }

    private String filter(Scope scope, FilterExpression f, List<Object> params) {
        if (f == null) return "";
        List<String> parts = new ArrayList<>();
        for (ConditionExpression c : f.conditions()) parts.add(condition(scope, c, params));
        for (FilterExpression child : f.filters()) {
            String s = filter(scope, child, params);
            if (!s.isEmpty()) parts.add(s);
        }
        for (LinkEntity link : f.linkEntities()) parts.add(exists(scope, link, params));
        if (parts.isEmpty()) return "";
        String op = f.filterOperator() == LogicalOperator.Or ? " OR " : " AND ";
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(op, parts) + ")";
    }

    /**
     * A filtering link as a correlated subquery: Any and NotAll are {@code EXISTS} of a related row that matches the
     * link's criteria, NotAny its {@code NOT EXISTS}, All {@code EXISTS} of a related row and {@code NOT EXISTS} of
     * one that matches. Links below it are joins inside the subquery (the intersect table's link to the related one,
     * outer links that its criteria test); filtering links below it are subqueries of their own.
     */
    private String exists(Scope parent, LinkEntity link, List<Object> params) {
        if (!link.joinOperator().filters()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A link-entity inside a filter must filter (Any, NotAny, All or"
                    + " NotAll); the link to '" + link.linkToEntityName() + "' is " + link.joinOperator() + ".");
        }
        Join join = join(parent, link);
        EntityMetadata target = join.target();
        AttributeMetadata from = join.from();
        AttributeMetadata to = join.to();
        Scope scope = scope(target, link);
        List<Object> fromParams = new ArrayList<>();
        StringBuilder tables = new StringBuilder(dialect.table(schema, target.logicalName()) + " " + scope.sqlAlias());
        List<ScopedFilter> innerCriteria = new ArrayList<>();
        FilterExpression criteria = new FilterExpression().addFilter(link.linkCriteria());
        for (LinkEntity nested : link.linkEntities()) {
            if (nested.joinOperator().filters()) criteria.linkEntities().add(nested);
            else joinInside(scope, nested, tables, fromParams, innerCriteria);
        }
        String correlation = scope.sqlAlias() + "." + dialect.quote(to.logicalName()) + " = " + parent.sqlAlias() + "." + dialect.quote(from.logicalName());
        List<Object> criteriaParams = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        String own = filter(scope, criteria, criteriaParams);
        if (!own.isEmpty()) conditions.add(own);
        for (ScopedFilter f : innerCriteria) {
            String s = filter(f.scope(), f.filter(), criteriaParams);
            if (!s.isEmpty()) conditions.add(s);
        }
        String matches = String.join(" AND ", conditions);
        String related = "SELECT 1 FROM " + tables + " WHERE " + correlation;
        String matching = matches.isEmpty() ? related : related + " AND " + matches;
        switch (link.joinOperator()) {
            case All -> {
                params.addAll(fromParams);
                params.addAll(fromParams);
                params.addAll(criteriaParams);
                return "(EXISTS (" + related + ") AND NOT EXISTS (" + matching + "))";
            }
            case NotAny -> {
                params.addAll(fromParams);
                params.addAll(criteriaParams);
                return "NOT EXISTS (" + matching + ")";
            }
            default -> {
                params.addAll(fromParams);
                params.addAll(criteriaParams);
                return "EXISTS (" + matching + ")";
            }
        }
    }

    /** Criteria of an inner join inside a filtering link, tested in the subquery's WHERE once every table is joined. */
    private record ScopedFilter(Scope scope, FilterExpression filter) {}

    /**
     * A join inside a filtering link's subquery, with its own links below it. An outer join's criteria are in its ON
     * clause; an inner join's go to the subquery's WHERE ({@code where}), where they may name the tables joined
     * below it and hold filtering links of their own.
     */
    private void joinInside(Scope parent, LinkEntity link, StringBuilder tables, List<Object> params, List<ScopedFilter> where) {
        Join join = join(parent, link);
        EntityMetadata target = join.target();
        AttributeMetadata from = join.from();
        AttributeMetadata to = join.to();
        Scope scope = scope(target, link);
        String on = scope.sqlAlias() + "." + dialect.quote(to.logicalName()) + " = " + parent.sqlAlias() + "." + dialect.quote(from.logicalName());
        if (link.joinOperator() == JoinOperator.LeftOuter) {
            String extra = filter(scope, link.linkCriteria(), params);
            if (!extra.isEmpty()) on += " AND " + extra;
        } else {
            where.add(new ScopedFilter(scope, link.linkCriteria()));
        }
        tables.append(link.joinOperator() == JoinOperator.LeftOuter ? " LEFT JOIN " : " INNER JOIN ")
                .append(dialect.table(schema, target.logicalName())).append(' ').append(scope.sqlAlias()).append(" ON ").append(on);
        for (LinkEntity nested : link.linkEntities()) {
            if (nested.joinOperator().filters()) {
                throw new FaultException(ErrorCodes.InvalidArgument, "A filtering link (" + nested.joinOperator() + ") cannot stand below"
                        + " a join inside another filtering link; put it in that link's criteria.");
            }
            joinInside(scope, nested, tables, params, where);
        }
    }

    /** The table a link reaches and the columns it joins on, checked against the metadata. */
    private record Join(EntityMetadata target, AttributeMetadata from, AttributeMetadata to) {}

    private Join join(Scope parent, LinkEntity link) {
        EntityMetadata target = metadata.linkable(link.linkToEntityName());
        if (link.linkFromAttributeName() == null || link.linkToAttributeName() == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The link to '" + target.logicalName()
                    + "' must name the attributes it joins on (from and to).");
        }
        return new Join(target, parent.entity().requireAttribute(link.linkFromAttributeName()),
                target.requireAttribute(link.linkToAttributeName()));
    }

    /** A new table alias for a link, registered under the alias its conditions name it by. */
    private Scope scope(EntityMetadata target, LinkEntity link) {
        String userAlias = link.entityAlias() != null ? link.entityAlias() : defaultAlias(target.logicalName());
        if (scopes.containsKey(userAlias)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The link-entity alias '" + userAlias + "' is used twice.");
        }
        Scope scope = new Scope("t" + (++aliasCounter), target, userAlias);
        scopes.put(userAlias, scope);
        return scope;
    }

    private String condition(Scope current, ConditionExpression c, List<Object> params) {
        Scope scope = current;
        if (c.entityName() != null && !c.entityName().isEmpty()) {
            scope = scopes.get(c.entityName());
            if (scope == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The condition on '" + c.attributeName()
                        + "' names the link-entity alias '" + c.entityName() + "', which the query does not have.");
            }
        }
        AttributeMetadata a = scope.entity().requireAttribute(c.attributeName());
        return conditions.write(scope.sqlAlias() + "." + dialect.quote(a.logicalName()), scope.entity(), a, c, params);
    }

    private String order(Scope scope, OrderExpression o) {
        AttributeMetadata a = scope.entity().requireAttribute(o.attributeName());
        String col = scope.sqlAlias() + "." + dialect.quote(a.logicalName());
        boolean text = a.type() == AttributeType.String || a.type() == AttributeType.Memo;
        String expression = text ? "LOWER(" + col + ")" : col;
        int index = addColumn(expression);
        // SQL Server, which Dataverse runs on, sorts nulls first; H2 and PostgreSQL differ unless told.
        return "c" + index + (o.orderType() == OrderType.Descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
    }
}
