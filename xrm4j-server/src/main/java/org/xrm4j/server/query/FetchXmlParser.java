package org.xrm4j.server.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;

/**
 * Turns a FetchXML query into the equivalent {@link QueryExpression}, so that both query languages reach the same
 * planner and cannot drift apart in meaning.
 *
 * <p>The supported subset is the everyday one: columns, orders, nested {@code and}/{@code or} filters, inner and
 * outer {@code link-entity} joins to any depth, {@code top}, paging, {@code distinct} and {@code no-lock}. Anything
 * outside it (aggregates, other join kinds, column aliases, unknown operators) is refused with a fault rather than
 * ignored, because dropping part of a query silently returns the wrong records. Attributes are checked against a
 * per-element list for the same reason; the few purely presentational ones tools emit ({@code version},
 * {@code uiname}, {@code visible}...) are accepted and ignored.
 *
 * <p>Mapping caveats:
 * <ul>
 *   <li>Condition values stay strings: FetchXML is untyped text and only the engine, which knows each attribute's
 *       type, can convert them. Value counts per operator are likewise left to the planner, which must check them
 *       for a {@code QueryExpression} anyway.</li>
 *   <li>{@code <link-entity from to>} reads the other way round from {@link LinkEntity}: {@code to} is the parent's
 *       column and {@code from} the linked table's. Both may be omitted in FetchXML, where Dataverse infers them from
 *       the relationship; they are then left {@code null} for the planner to resolve from metadata or refuse.</li>
 *   <li>A root {@code <entity>} with no {@code <attribute>} returns all columns, as Dataverse does; a
 *       {@code <link-entity>} without one returns none.</li>
 *   <li>Several {@code <filter>} siblings are and-ed, as Dataverse does, under one {@code And} filter.</li>
 *   <li>Paging: {@code count} alone reads page 1, and {@code page} alone has a count of 0, the SDK's "server default
 *       page size". {@code top} cannot be combined with paging.</li>
 * </ul>
 */
public final class FetchXmlParser {
    private static final Set<String> FETCH_ATTRIBUTES = Set.of("version", "output-format", "mapping", "distinct",
            "no-lock", "top", "count", "page", "paging-cookie", "returntotalrecordcount", "aggregate");
    // enableprefiltering and prefilterparametername only matter to reports, which substitute the filter beforehand.
    private static final Set<String> ENTITY_ATTRIBUTES = Set.of("name", "enableprefiltering", "prefilterparametername");
    private static final Set<String> LINK_ATTRIBUTES = Set.of("name", "from", "to", "alias", "link-type", "visible",
            "intersect", "enableprefiltering", "prefilterparametername");
    private static final Set<String> COLUMN_ATTRIBUTES = Set.of("name");
    private static final Set<String> ORDER_ATTRIBUTES = Set.of("attribute", "descending");
    // The quick-find flags tune a record limit in the client UI; they do not change which records match.
    private static final Set<String> FILTER_ATTRIBUTES = Set.of("type", "isquickfindfields",
            "overridequickfindrecordlimitenabled", "overridequickfindrecordlimitdisabled");
    private static final Set<String> CONDITION_ATTRIBUTES = Set.of("attribute", "operator", "value", "entityname",
            "uiname", "uitype", "uihidden");
    private static final Set<String> VALUE_ATTRIBUTES = Set.of("uiname", "uitype");

    private FetchXmlParser() {}

    /**
     * The query the FetchXML text describes.
     *
     * @throws FaultException {@code InvalidFetchXml} for malformed or unsupported FetchXML,
     *     {@code QueryBuilderInvalidConditionOperator} for an unknown condition operator
     */
    public static QueryExpression parse(String fetchXml) {
        if (fetchXml == null || fetchXml.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidFetchXml, "The FetchXML query is empty; expected <fetch><entity name=\"...\">");
        }
        try (FetchXmlReader reader = FetchXmlReader.open(fetchXml)) {
            if (!reader.name().equals("fetch")) {
                throw reader.invalid("The root element must be <fetch>, not <" + reader.name() + ">");
            }
            QueryExpression query = fetch(reader);
            reader.finish();
            return query;
        }
    }

    private static QueryExpression fetch(FetchXmlReader reader) {
        reader.allowAttributes(FETCH_ATTRIBUTES);
        if (reader.flag("aggregate")) {
            throw reader.invalid("Aggregate queries (aggregate=\"true\" on <fetch>) are not supported yet");
        }
        Integer top = reader.positive("top");
        Integer count = reader.positive("count");
        Integer page = reader.positive("page");
        String cookie = reader.attribute("paging-cookie");
        if (cookie != null && cookie.isBlank()) cookie = null; // tools write paging-cookie="" on the first page
        boolean totalCount = reader.flag("returntotalrecordcount");
        if (top != null && (count != null || page != null || cookie != null)) {
            throw reader.invalid("<fetch> cannot combine 'top' with 'count', 'page' or 'paging-cookie'; use count and page to read pages");
        }
        boolean distinct = reader.flag("distinct");
        boolean noLock = reader.flag("no-lock");

        QueryExpression query = null;
        while (reader.nextChild()) {
            if (!reader.name().equals("entity")) {
                throw reader.invalid("<" + reader.name() + "> is not allowed inside <fetch>; expected one <entity>");
            }
            if (query != null) throw reader.invalid("<fetch> must contain exactly one <entity>, found a second one");
            query = entity(reader);
        }
        if (query == null) throw reader.invalid("<fetch> must contain an <entity name=\"...\"> element");

        query.topCount(top).distinct(distinct).noLock(noLock);
        if (count != null || page != null || cookie != null || totalCount) {
            query.pageInfo(new PagingInfo(count == null ? 0 : count, page == null ? 1 : page, cookie, totalCount));
        }
        return query;
    }

    private static QueryExpression entity(FetchXmlReader reader) {
        reader.allowAttributes(ENTITY_ATTRIBUTES);
        Body body = body(reader, reader.required("name"), "entity");
        QueryExpression query = new QueryExpression(body.entityName);
        // Dataverse answers a fetch without any <attribute> with every column, unlike QueryExpression's default.
        query.columnSet(body.allColumns || body.columns.isEmpty() ? ColumnSet.all() : new ColumnSet(false, List.copyOf(body.columns)));
        query.criteria(body.criteria());
        query.orders().addAll(body.orders);
        query.linkEntities().addAll(body.links);
        return query;
    }

    private static LinkEntity link(FetchXmlReader reader, String parentEntityName) {
        reader.allowAttributes(LINK_ATTRIBUTES);
        String name = reader.required("name");
        JoinOperator join = join(reader);
        LinkEntity link = new LinkEntity()
                .linkFromEntityName(parentEntityName)
                .linkFromAttributeName(reader.attribute("to"))
                .linkToEntityName(name)
                .linkToAttributeName(reader.attribute("from"))
                .joinOperator(join)
                .entityAlias(blankToNull(reader.attribute("alias")));
        Body body = body(reader, name, "link-entity");
        link.columns(body.allColumns ? ColumnSet.all() : new ColumnSet(false, List.copyOf(body.columns)));
        link.linkCriteria(body.criteria());
        link.orders().addAll(body.orders);
        link.linkEntities().addAll(body.links);
        return link;
    }

    private static JoinOperator join(FetchXmlReader reader) {
        String type = reader.attribute("link-type");
        if (type == null || type.equals("inner")) return JoinOperator.Inner;
        if (type.equals("outer")) return JoinOperator.LeftOuter;
        throw reader.invalid("link-type '" + type + "' on <link-entity> is not supported; use inner or outer");
    }

    /** Reads the children an {@code <entity>} and a {@code <link-entity>} have in common. */
    private static Body body(FetchXmlReader reader, String entityName, String element) {
        Body body = new Body(entityName);
        while (reader.nextChild()) {
            switch (reader.name()) {
                case "attribute" -> {
                    reader.allowAttributes(COLUMN_ATTRIBUTES);
                    body.columns.add(reader.required("name"));
                    reader.requireNoChildren();
                }
                case "all-attributes" -> {
                    reader.allowAttributes(Set.of());
                    body.allColumns = true;
                    reader.requireNoChildren();
                }
                case "order" -> body.orders.add(order(reader));
                case "filter" -> body.filters.add(filter(reader));
                case "link-entity" -> body.links.add(link(reader, entityName));
                default -> throw reader.invalid("<" + reader.name() + "> is not allowed inside <" + element
                        + ">; expected attribute, all-attributes, order, filter or link-entity");
            }
        }
        return body;
    }

    private static OrderExpression order(FetchXmlReader reader) {
        reader.allowAttributes(ORDER_ATTRIBUTES);
        OrderExpression order = new OrderExpression(reader.required("attribute"),
                reader.flag("descending") ? OrderType.Descending : OrderType.Ascending);
        reader.requireNoChildren();
        return order;
    }

    private static FilterExpression filter(FetchXmlReader reader) {
        reader.allowAttributes(FILTER_ATTRIBUTES);
        String type = reader.attribute("type");
        LogicalOperator operator;
        if (type == null || type.equals("and")) operator = LogicalOperator.And;
        else if (type.equals("or")) operator = LogicalOperator.Or;
        else throw reader.invalid("type '" + type + "' on <filter> is not valid; use and or or");
        FilterExpression filter = new FilterExpression(operator);
        while (reader.nextChild()) {
            switch (reader.name()) {
                case "condition" -> filter.addCondition(condition(reader));
                case "filter" -> filter.addFilter(filter(reader));
                default -> throw reader.invalid("<" + reader.name() + "> is not allowed inside <filter>; expected condition or filter");
            }
        }
        return filter;
    }

    private static ConditionExpression condition(FetchXmlReader reader) {
        reader.allowAttributes(CONDITION_ATTRIBUTES);
        String attribute = reader.required("attribute");
        String operatorName = reader.required("operator");
        ConditionOperator operator = FetchXmlOperators.byName(operatorName).orElseThrow(() -> new FaultException(
                ErrorCodes.QueryBuilderInvalidConditionOperator,
                "The condition operator '" + operatorName + "' on attribute '" + attribute + "' is unknown or not supported"));
        String entityName = blankToNull(reader.attribute("entityname"));
        List<Object> values = new ArrayList<>();
        String single = reader.attribute("value");
        if (single != null) values.add(single);
        while (reader.nextChild()) {
            if (!reader.name().equals("value")) {
                throw reader.invalid("<" + reader.name() + "> is not allowed inside <condition>; expected value");
            }
            if (single != null) {
                throw reader.invalid("<condition attribute=\"" + attribute + "\"> has both a value attribute and <value> elements; use one or the other");
            }
            reader.allowAttributes(VALUE_ATTRIBUTES);
            values.add(reader.text());
        }
        return new ConditionExpression(entityName, attribute, operator, values);
    }

    private static String blankToNull(String value) { return value == null || value.isBlank() ? null : value; }

    /** What an entity or link-entity element collects before it becomes a query or a link. */
    private static final class Body {
        final String entityName;
        final Set<String> columns = new LinkedHashSet<>(); // a column named twice is still read once
        final List<OrderExpression> orders = new ArrayList<>();
        final List<FilterExpression> filters = new ArrayList<>();
        final List<LinkEntity> links = new ArrayList<>();
        boolean allColumns;

        Body(String entityName) { this.entityName = entityName; }

        FilterExpression criteria() {
            if (filters.size() == 1) return filters.getFirst();
            FilterExpression all = new FilterExpression(LogicalOperator.And);
            filters.forEach(all::addFilter);
            return all;
        }
    }
}
