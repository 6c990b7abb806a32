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
 * records each), read as {@link ExpandParser} parses them.
 *
 * <p>How the related records are read depends on what is known when the request is planned. For one record
 * (a retrieve, or a write answered with its representation) every expansion is one query planned with the record's
 * own read: the related table linked to the record by its id. For a query, single-valued expansions are outer links
 * of the query itself; collection-valued ones depend on which records the page holds, so they are read after it,
 * one query per 500 records of the page ({@link Operation.Reads}).
 *
 * <p>A nested {@code $expand} is read once the records of the level above are known: the records behind its
 * single-valued properties by the ids their lookups hold, its collections by their parents' ids, 500 records per
 * query at each level, so that the number of queries grows with the depth and the page size, not with each record.
 * A retrieve with nested expansions therefore reads them after its own requests, as a query reads its collections.
 */
final class Expansions {
    static final int MAX_RECORDS = 5000;
    private static final int IDS_PER_QUERY = 500;
    private static final String SOURCE_ALIAS = "expand:source";
    private static final String INTERSECT_ALIAS = "expand:intersect";

    /** One expanded navigation property with its nested options ({@code options}: as written, between the parentheses). */
    record Expansion(NavigationProperties.Navigation navigation, EntityMetadata target, List<String> select, String filter,
                     String orderBy, Integer top, Expansions nested, String options) {
        String alias() { return "expand:" + navigation.name(); }

        List<String> columns() { return RecordRenderer.columns(target, select); }
    }

    private final OrganizationMetadata metadata;
    private final NavigationProperties navigations;
    private final EntityMetadata entity;
    private final List<Expansion> expansions;
    private final Annotations annotations;

    Expansions(OrganizationMetadata metadata, EntityMetadata entity, List<Expansion> expansions, Annotations annotations) {
        this.metadata = metadata;
        this.navigations = NavigationProperties.of(metadata);
        this.entity = entity;
        this.expansions = expansions;
        this.annotations = annotations;
    }

    /** The expansions an {@code $expand} value asks for ({@code null}: none), each checked against the metadata. */
    static Expansions parse(OrganizationMetadata metadata, EntityMetadata e, String expand, Annotations annotations) {
        return ExpandParser.parse(metadata, e, expand, annotations);
    }

    boolean isEmpty() { return expansions.isEmpty(); }

    /** Whether an expansion holds expansions of its own, which are read once the related records are known. */
    boolean hasNested() { return expansions.stream().anyMatch(x -> !x.nested().isEmpty()); }

    /** The lookups of the single-valued expansions: the rows they are read for must hold them. */
    private List<String> lookups() {
        return expansions.stream().filter(x -> !x.navigation().collection()).map(x -> x.navigation().lookup()).distinct().toList();
    }

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

    /**
     * Adds the related records to one record's JSON, from the responses of {@link #requestsFor}; nested expansions
     * are read with {@code reads} (which may be {@code null} when there are none).
     */
    void addPlanned(ObjectNode record, List<OrganizationResponse> responses, Operation.Reads reads) {
        for (int i = 0; i < expansions.size(); i++) {
            Expansion x = expansions.get(i);
            List<Entity> rows = ((EntityCollection) responses.get(i).get("EntityCollection")).entities();
            List<Entity> related = rows.subList(0, Math.min(rows.size(), x.navigation().collection() ? MAX_RECORDS : 1));
            List<ObjectNode> nodes = new ArrayList<>();
            for (Entity row : related) nodes.add(render(x, row));
            if (x.navigation().collection()) {
                record.putArray(x.navigation().name()).addAll(nodes);
            } else if (nodes.isEmpty()) {
                record.putNull(x.navigation().name());
            } else {
                record.set(x.navigation().name(), nodes.getFirst());
            }
            if (!x.nested().isEmpty()) x.nested().expandRead(nodes, related, reads);
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
            Entity related = linked(x, row);
            if (related == null) {
                record.putNull(x.navigation().name());
            } else {
                record.set(x.navigation().name(), render(x, related));
            }
        }
    }

    /** The related record a single-valued expansion's link brought into a row, or {@code null}. */
    private static Entity linked(Expansion x, Entity row) {
        String prefix = x.alias() + ".";
        Entity related = new Entity(x.target().logicalName());
        for (Map.Entry<String, Object> a : row.attributes().entrySet()) {
            if (!a.getKey().startsWith(prefix) || !(a.getValue() instanceof AliasedValue v)) continue;
            String column = a.getKey().substring(prefix.length());
            related.set(column, v.value());
            String formatted = row.formattedValues().get(a.getKey());
            if (formatted != null) related.formattedValues().put(column, formatted);
        }
        return related.get(x.target().primaryIdAttribute()) instanceof UUID id ? related.id(id) : null;
    }

    /** Whether {@link #addRead} has anything to read: collection-valued or nested expansions. */
    boolean readsAfter() { return hasNested() || expansions.stream().anyMatch(x -> x.navigation().collection()); }

    /**
     * Reads and adds what a query's page needs after it has been read ({@code records} and {@code rows} in step):
     * the collection-valued expansions, and the nested expansions of the linked single-valued ones. Each collection
     * also gets a {@code <nav>@odata.nextLink}, as Dataverse gives a query's collection-valued expansions: the
     * navigation path that reads the same related records with the same options ({@code base} is the service root).
     */
    void addRead(List<ObjectNode> records, List<Entity> rows, Operation.Reads reads, String base) {
        for (Expansion x : expansions) {
            if (x.navigation().collection()) {
                readCollection(x, records, rows, reads);
                for (int i = 0; i < records.size(); i++) {
                    records.get(i).put(x.navigation().name() + "@odata.nextLink", base + entity.entitySetName() + "(" + rows.get(i).id()
                            + ")/" + x.navigation().name() + query(x.options()));
                }
            } else if (!x.nested().isEmpty()) {
                List<ObjectNode> nodes = new ArrayList<>();
                List<Entity> related = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Entity r = linked(x, rows.get(i));
                    if (r == null) continue;
                    nodes.add((ObjectNode) records.get(i).get(x.navigation().name()));
                    related.add(r);
                }
                x.nested().expandRead(nodes, related, reads);
            }
        }
    }

    /** An expansion's options as a URL's query: {@code $select=a,b;$top=2} becomes {@code ?$select=a%2Cb&$top=2}. */
    private static String query(String options) {
        StringBuilder query = new StringBuilder();
        for (String option : ExpandParser.split(options, ';')) {
            if (option.isBlank()) continue;
            int eq = option.indexOf('=');
            String name = (eq < 0 ? option : option.substring(0, eq)).trim();
            String value = eq < 0 ? "" : option.substring(eq + 1).trim();
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return query.toString();
    }

    // ---- nested: every expansion read for the related records of the level above

    /**
     * Adds these expansions to already rendered records ({@code nodes} and {@code rows} in step): the records behind
     * single-valued ones by the ids their lookups hold, collections by their parents' ids, 500 records per query.
     */
    private void expandRead(List<ObjectNode> nodes, List<Entity> rows, Operation.Reads reads) {
        if (rows.isEmpty()) return;
        for (Expansion x : expansions) {
            if (x.navigation().collection()) readCollection(x, nodes, rows, reads);
            else readSingle(x, nodes, rows, reads);
        }
    }

    private void readSingle(Expansion x, List<ObjectNode> nodes, List<Entity> rows, Operation.Reads reads) {
        List<UUID> ids = new ArrayList<>();
        for (Entity row : rows) {
            UUID id = target(x, row);
            if (id != null && !ids.contains(id)) ids.add(id);
        }
        Map<UUID, Entity> byId = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            QueryExpression q = new QueryExpression(x.target().logicalName()).columnSet(linkedColumns(x));
            q.criteria().addCondition(new ConditionExpression(null, x.target().primaryIdAttribute(), ConditionOperator.In,
                    new ArrayList<Object>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))));
            EntityCollection found = (EntityCollection) reads.execute(new RetrieveMultipleRequest(q)).get("EntityCollection");
            for (Entity e : found.entities()) byId.put(e.id(), e);
        }
        List<ObjectNode> children = new ArrayList<>();
        List<Entity> related = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Entity r = byId.get(target(x, rows.get(i)));
            if (r == null) {
                nodes.get(i).putNull(x.navigation().name());
                continue;
            }
            ObjectNode child = render(x, r);
            nodes.get(i).set(x.navigation().name(), child);
            children.add(child);
            related.add(r);
        }
        if (!x.nested().isEmpty()) x.nested().expandRead(children, related, reads);
    }

    /** The id a row's lookup holds when it points at the expansion's table (a lookup may have several). */
    private static UUID target(Expansion x, Entity row) {
        Object v = row.get(x.navigation().lookup());
        return v instanceof EntityReference r && r.logicalName().equals(x.target().logicalName()) ? r.id() : null;
    }

    /** Reads a collection-valued expansion for some records ({@code records} and {@code rows} in step) and adds it. */
    private void readCollection(Expansion x, List<ObjectNode> records, List<Entity> rows, Operation.Reads reads) {
        List<UUID> ids = rows.stream().map(Entity::id).toList();
        Map<UUID, List<Entity>> byParent = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            read(x, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)), reads, byParent);
        }
        List<ObjectNode> children = new ArrayList<>();
        List<Entity> related = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ArrayNode array = records.get(i).putArray(x.navigation().name());
            for (Entity child : byParent.getOrDefault(ids.get(i), List.of())) {
                ObjectNode node = render(x, child);
                array.add(node);
                children.add(node);
                related.add(child);
            }
        }
        if (!x.nested().isEmpty()) x.nested().expandRead(children, related, reads);
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
        q.columnSet(withColumns(columns, x.nested().lookups()));
        if (x.filter() != null) {
            q.criteria().addFilter(FilterParser.parse(x.filter()));
            NavigationFilters.apply(metadata, x.target(), q);
        }
        if (x.orderBy() != null) QueryTranslator.order(q, x.orderBy());
        return q;
    }

    /** The columns of a single-valued expansion: the selection, the key (to tell a missing record) and the version. */
    private static ColumnSet linkedColumns(Expansion x) {
        List<String> more = new ArrayList<>(x.nested().lookups());
        more.add(x.target().primaryIdAttribute());
        return withColumns(QueryTranslator.columnSet(x.target(), x.select()), more);
    }

    /** A column set with {@code more} columns, which the records are read with but not rendered with. */
    private static ColumnSet withColumns(ColumnSet columns, List<String> more) {
        if (columns.allColumns()) return columns;
        List<String> all = new ArrayList<>(columns.columns());
        for (String c : more) if (!all.contains(c)) all.add(c);
        return new ColumnSet(false, all);
    }

    private ObjectNode render(Expansion x, Entity row) {
        return annotations.render(navigations, x.target(), row, x.columns());
    }
}
