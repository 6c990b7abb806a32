package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $expand}: related records rendered inside the records a request reads, as Dataverse does: a single-valued
 * navigation property as a nested record (or {@code null}), a collection-valued one as an array (at most 5000
 * records each). Nested options are {@code $select}, and for collections also {@code $filter}, {@code $orderby} and
 * {@code $top}, separated by {@code ;}.
 *
 * <p>How the related records are read depends on what is known when the request is planned. For one record
 * (a retrieve, or a write answered with its representation) every expansion is one query planned with the record's
 * own read: the related table linked to the record by its id. For a query, single-valued expansions are outer links
 * of the query itself; collection-valued ones depend on which records the page holds, so they are read after it,
 * one query per 500 records of the page ({@link Operation.Reads}).
 */
final class Expansions {
    static final int MAX_RECORDS = 5000;
    private static final int IDS_PER_QUERY = 500;
    private static final String SOURCE_ALIAS = "expand:source";
    private static final String INTERSECT_ALIAS = "expand:intersect";

    /** One expanded navigation property with its nested options. */
    record Expansion(NavigationProperties.Navigation navigation, EntityMetadata target, List<String> select, String filter,
                     String orderBy, Integer top) {
        String alias() { return "expand:" + navigation.name(); }

        List<String> columns() { return RecordRenderer.columns(target, select); }
    }

    private final OrganizationMetadata metadata;
    private final NavigationProperties navigations;
    private final EntityMetadata entity;
    private final List<Expansion> expansions;
    private final Annotations annotations;

    private Expansions(OrganizationMetadata metadata, EntityMetadata entity, List<Expansion> expansions, Annotations annotations) {
        this.metadata = metadata;
        this.navigations = NavigationProperties.of(metadata);
        this.entity = entity;
        this.expansions = expansions;
        this.annotations = annotations;
    }

    /** The expansions an {@code $expand} value asks for ({@code null}: none), each checked against the metadata. */
    static Expansions parse(OrganizationMetadata metadata, EntityMetadata e, String expand, Annotations annotations) {
        List<Expansion> list = new ArrayList<>();
        if (expand != null) {
            for (String item : split(expand, ',')) {
                if (item.isBlank()) continue;
                list.add(expansion(metadata, e, item.trim()));
            }
        }
        return new Expansions(metadata, e, list, annotations);
    }

    boolean isEmpty() { return expansions.isEmpty(); }

    static FaultException unknownProperty(EntityMetadata e, String name) {
        return new FaultException(ErrorCodes.InvalidArgument, "Could not find a property named '" + name
                + "' on type 'Microsoft.Dynamics.CRM." + e.logicalName() + "'. Navigation properties are named as in $metadata:"
                + " a lookup's (such as primarycontactid) or a relationship's (such as contact_customer_accounts).");
    }

    // ---- one record: a query per expansion, planned with the record's read

    /** The queries that read the related records of one record, one per expansion, in order. */
    List<OrganizationRequest> requestsFor(UUID id) {
        List<OrganizationRequest> requests = new ArrayList<>();
        for (Expansion x : expansions) {
            QueryExpression q;
            if (x.navigation().collection()) {
                q = related(x, List.of(id));
                if (x.top() != null) q.topCount(Math.min(x.top(), MAX_RECORDS));
            } else {
                q = new QueryExpression(x.target().logicalName()).columnSet(linkedColumns(x));
                FilterExpression source = new FilterExpression();
                source.addCondition(entity.primaryIdAttribute(), ConditionOperator.Equal, id);
                q.linkEntities().add(new LinkEntity(x.target().logicalName(), entity.logicalName(), x.target().primaryIdAttribute(),
                        x.navigation().lookup(), JoinOperator.Inner).entityAlias(SOURCE_ALIAS).columns(new ColumnSet()).linkCriteria(source));
                q.topCount(1);
            }
            requests.add(new RetrieveMultipleRequest(q));
        }
        return requests;
    }

    /** Adds the related records to one record's JSON, from the responses of {@link #requestsFor}. */
    void addPlanned(ObjectNode record, List<OrganizationResponse> responses) {
        for (int i = 0; i < expansions.size(); i++) {
            Expansion x = expansions.get(i);
            List<Entity> rows = ((EntityCollection) responses.get(i).get("EntityCollection")).entities();
            if (x.navigation().collection()) {
                ArrayNode array = record.putArray(x.navigation().name());
                for (Entity row : rows.subList(0, Math.min(rows.size(), MAX_RECORDS))) array.add(render(x, row));
            } else if (rows.isEmpty()) {
                record.putNull(x.navigation().name());
            } else {
                record.set(x.navigation().name(), render(x, rows.getFirst()));
            }
        }
    }

    // ---- queries: single-valued ones linked, collection-valued ones read after the page

    /** Adds the single-valued expansions to a query as outer links that bring the related record's columns. */
    void link(QueryExpression q) {
        for (Expansion x : expansions) {
            if (x.navigation().collection()) continue;
            q.linkEntities().add(new LinkEntity(entity.logicalName(), x.target().logicalName(), x.navigation().lookup(),
                    x.target().primaryIdAttribute(), JoinOperator.LeftOuter).entityAlias(x.alias()).columns(linkedColumns(x)));
        }
    }

    /** Adds the linked related records to a row's JSON, from the columns {@link #link} brought. */
    void addLinked(ObjectNode record, Entity row) {
        for (Expansion x : expansions) {
            if (x.navigation().collection()) continue;
            String prefix = x.alias() + ".";
            Entity related = new Entity(x.target().logicalName());
            for (Map.Entry<String, Object> a : row.attributes().entrySet()) {
                if (!a.getKey().startsWith(prefix) || !(a.getValue() instanceof AliasedValue v)) continue;
                String column = a.getKey().substring(prefix.length());
                related.set(column, v.value());
                String formatted = row.formattedValues().get(a.getKey());
                if (formatted != null) related.formattedValues().put(column, formatted);
            }
            if (!(related.get(x.target().primaryIdAttribute()) instanceof UUID id)) {
                record.putNull(x.navigation().name());
            } else {
                record.set(x.navigation().name(), render(x, related.id(id)));
            }
        }
    }

    /** Whether {@link #addCollections} has anything to read. */
    boolean hasCollections() { return expansions.stream().anyMatch(x -> x.navigation().collection()); }

    /** Reads and adds the collection-valued expansions of a page's records ({@code records} and {@code rows} in step). */
    void addCollections(List<ObjectNode> records, List<Entity> rows, Operation.Reads reads) {
        List<UUID> ids = rows.stream().map(Entity::id).toList();
        for (Expansion x : expansions) {
            if (!x.navigation().collection()) continue;
            Map<UUID, List<Entity>> byParent = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                read(x, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)), reads, byParent);
            }
            for (int i = 0; i < records.size(); i++) {
                ArrayNode array = records.get(i).putArray(x.navigation().name());
                for (Entity child : byParent.getOrDefault(ids.get(i), List.of())) array.add(render(x, child));
            }
        }
    }

    /** Every page of the related records of some parents, grouped by parent, each group cut at $top (or 5000). */
    private void read(Expansion x, List<UUID> parents, Operation.Reads reads, Map<UUID, List<Entity>> byParent) {
        int limit = x.top() == null ? MAX_RECORDS : Math.min(x.top(), MAX_RECORDS);
        int page = 1;
        String cookie = null;
        while (true) {
            QueryExpression q = related(x, parents).pageInfo(new PagingInfo(MAX_RECORDS, page, cookie, false));
            EntityCollection rows = (EntityCollection) reads.execute(new RetrieveMultipleRequest(q)).get("EntityCollection");
            for (Entity row : rows.entities()) {
                UUID parent = parentOf(x, row);
                if (parent == null) continue;
                List<Entity> group = byParent.computeIfAbsent(parent, k -> new ArrayList<>());
                if (group.size() < limit) group.add(row);
            }
            if (!rows.moreRecords()) return;
            page++;
            cookie = rows.pagingCookie();
        }
    }

    private UUID parentOf(Expansion x, Entity row) {
        NavigationProperties.Navigation n = x.navigation();
        Object key = n.manyToMany() ? row.get(INTERSECT_ALIAS + "." + n.intersectSourceColumn()) : row.get(n.lookup());
        if (key instanceof AliasedValue v) key = v.value();
        if (key instanceof EntityReference r) return r.id();
        return key instanceof UUID u ? u : null;
    }

    /** The related records of some parents through a collection-valued navigation property, with its options. */
    private QueryExpression related(Expansion x, List<UUID> parents) {
        NavigationProperties.Navigation n = x.navigation();
        List<Object> ids = new ArrayList<>(parents);
        QueryExpression q = new QueryExpression(x.target().logicalName());
        ColumnSet columns = QueryTranslator.columnSet(x.target(), x.select());
        if (n.manyToMany()) {
            FilterExpression source = new FilterExpression();
            source.addCondition(new ConditionExpression(null, n.intersectSourceColumn(), ConditionOperator.In, ids));
            q.linkEntities().add(new LinkEntity(x.target().logicalName(), n.relationship().intersectEntity(),
                    x.target().primaryIdAttribute(), n.intersectTargetColumn(), JoinOperator.Inner).entityAlias(INTERSECT_ALIAS)
                    .columns(new ColumnSet(n.intersectSourceColumn())).linkCriteria(source));
        } else {
            q.criteria().addCondition(new ConditionExpression(null, n.lookup(), ConditionOperator.In, ids));
            if (!columns.allColumns() && !columns.columns().contains(n.lookup())) {
                List<String> withLookup = new ArrayList<>(columns.columns());
                withLookup.add(n.lookup());
                columns = new ColumnSet(false, withLookup);
            }
        }
        q.columnSet(columns);
        if (x.filter() != null) {
            q.criteria().addFilter(FilterParser.parse(x.filter()));
            NavigationFilters.apply(metadata, x.target(), q);
        }
        if (x.orderBy() != null) QueryTranslator.order(q, x.orderBy());
        return q;
    }

    /** The columns of a single-valued expansion: the selection, the key (to tell a missing record) and the version. */
    private static ColumnSet linkedColumns(Expansion x) {
        ColumnSet columns = QueryTranslator.columnSet(x.target(), x.select());
        if (columns.allColumns() || columns.columns().contains(x.target().primaryIdAttribute())) return columns;
        List<String> withKey = new ArrayList<>(columns.columns());
        withKey.add(x.target().primaryIdAttribute());
        return new ColumnSet(false, withKey);
    }

    private ObjectNode render(Expansion x, Entity row) {
        return annotations.render(navigations, x.target(), row, x.columns());
    }

    // ---- parsing

    private static Expansion expansion(OrganizationMetadata metadata, EntityMetadata e, String item) {
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).trim();
        if (open >= 0 && !item.endsWith(")")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $expand '" + item + "': the options of '" + name
                    + "' must be closed with ')'.");
        }
        NavigationProperties.Navigation n = NavigationProperties.of(metadata).find(e.logicalName(), name);
        if (n == null) throw unknownProperty(e, name);
        EntityMetadata target = metadata.entity(n.target());
        List<String> select = null;
        String filter = null;
        String orderBy = null;
        Integer top = null;
        if (open >= 0) {
            for (String option : split(item.substring(open + 1, item.length() - 1), ';')) {
                if (option.isBlank()) continue;
                int eq = option.indexOf('=');
                String key = (eq < 0 ? option : option.substring(0, eq)).trim();
                String value = eq < 0 ? "" : option.substring(eq + 1).trim();
                switch (key) {
                    case "$select" -> select = QueryOptions.select(value);
                    case "$filter" -> filter = value.isBlank() ? null : value;
                    case "$orderby" -> orderBy = value.isBlank() ? null : value;
                    case "$top" -> top = QueryOptions.top(value);
                    case "$expand" -> throw new FaultException(ErrorCodes.NotSupported, "A nested $expand (inside '" + name
                            + "') is not supported: expand the related table's navigation properties in a request of its own.");
                    default -> throw new FaultException(ErrorCodes.InvalidArgument, "The option '" + key + "' of the $expand of '"
                            + name + "' is not supported: use $select, $filter, $orderby or $top, separated by ';'.");
                }
            }
        }
        if (!n.collection() && (filter != null || orderBy != null || top != null)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' is a single-valued navigation property:"
                    + " its $expand takes only $select ($filter, $orderby and $top apply to collection-valued ones).");
        }
        QueryTranslator.columnSet(target, select); // an unknown column is refused before anything runs
        return new Expansion(n, target, select, filter, orderBy, top);
    }

    /** Splits at {@code separator} outside quotes and parentheses. */
    static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == separator) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
