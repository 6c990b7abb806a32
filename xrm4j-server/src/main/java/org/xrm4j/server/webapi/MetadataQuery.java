package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LogicalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query options of a metadata request: {@code $select} (the properties to answer; MetadataId always comes),
 * {@code $filter} over simple properties (evaluated on the definitions in memory, with the operators of the record
 * filter) and {@code $expand} of navigation properties with their own options in parentheses, separated by
 * {@code ;} ({@code Attributes($select=LogicalName;$filter=IsCustomAttribute eq true)}).
 */
record MetadataQuery(List<String> select, FilterExpression filter, Map<String, MetadataQuery> expand) {
    static final MetadataQuery ALL = new MetadataQuery(null, null, Map.of());

    /** From the raw (percent-encoded) query string of the request. */
    static MetadataQuery parse(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            options.put(QueryOptions.decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : QueryOptions.decode(pair.substring(eq + 1)));
        }
        return of(options);
    }

    private static MetadataQuery of(Map<String, String> options) {
        List<String> select = null;
        FilterExpression filter = null;
        Map<String, MetadataQuery> expand = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : options.entrySet()) {
            switch (o.getKey()) {
                case "$select" -> {
                    select = new ArrayList<>();
                    for (String s : o.getValue().split(",")) if (!s.isBlank()) select.add(s.trim());
                }
                case "$filter" -> filter = o.getValue().isBlank() ? null : withoutLambdas(FilterParser.parse(o.getValue()));
                case "$expand" -> {
                    for (String item : ExpandParser.split(o.getValue(), ',')) expand(item.trim(), expand);
                }
                default -> {
                    if (o.getKey().startsWith("$")) {
                        throw new FaultException(ErrorCodes.NotSupported, "The query option '" + o.getKey() + "' is not supported on metadata.");
                    }
                }
            }
        }
        return new MetadataQuery(select, filter, expand);
    }

    private static void expand(String item, Map<String, MetadataQuery> into) {
        if (item.isEmpty()) return;
        int open = item.indexOf('(');
        if (open < 0) {
            into.put(item, ALL);
            return;
        }
        if (!item.endsWith(")")) throw new FaultException(ErrorCodes.InvalidArgument, "The $expand item '" + item + "' is not closed by ')'.");
        Map<String, String> nested = new LinkedHashMap<>();
        for (String option : ExpandParser.split(item.substring(open + 1, item.length() - 1), ';')) {
            int eq = option.indexOf('=');
            if (eq < 0) throw new FaultException(ErrorCodes.InvalidArgument, "The $expand option '" + option + "' has no value.");
            nested.put(option.substring(0, eq).trim(), option.substring(eq + 1));
        }
        into.put(item.substring(0, open).trim(), of(nested));
    }

    boolean expands(String navigation) { return expand.containsKey(navigation); }

    /** Definitions have no navigation properties to test with any/all: refused rather than ignored. */
    private static FilterExpression withoutLambdas(FilterExpression f) {
        if (!f.linkEntities().isEmpty()) {
            throw new FaultException(ErrorCodes.NotSupported, "The lambda operators any and all are not supported in a metadata $filter.");
        }
        f.filters().forEach(MetadataQuery::withoutLambdas);
        return f;
    }

    MetadataQuery expanded(String navigation) { return expand.getOrDefault(navigation, ALL); }

    /** Whether a definition, rendered as JSON, passes the filter. */
    boolean matches(ObjectNode definition) { return filter == null || matches(filter, definition); }

    /** The definition cut down to the selected properties (with MetadataId, its type annotation and the expansions). */
    ObjectNode project(ObjectNode definition) {
        if (select == null) return definition;
        ObjectNode o = definition.objectNode();
        if (definition.has("@odata.type")) o.set("@odata.type", definition.get("@odata.type"));
        for (String name : select) {
            if (!definition.has(name)) continue;
            o.set(name, definition.get(name));
        }
        for (String navigation : expand.keySet()) if (definition.has(navigation)) o.set(navigation, definition.get(navigation));
        o.set("MetadataId", definition.get("MetadataId"));
        return o;
    }

    /** The {@code (a,b)} part of an {@code @odata.context} for the selection. */
    String contextSelection() { return select == null ? "" : "(" + String.join(",", select) + ")"; }

    private static boolean matches(FilterExpression f, JsonNode d) {
        boolean and = f.filterOperator() == LogicalOperator.And;
        for (ConditionExpression c : f.conditions()) {
            boolean m = condition(c, d);
            if (and && !m) return false;
            if (!and && m) return true;
        }
        for (FilterExpression child : f.filters()) {
            boolean m = matches(child, d);
            if (and && !m) return false;
            if (!and && m) return true;
        }
        return and || (f.conditions().isEmpty() && f.filters().isEmpty());
    }

    private static boolean condition(ConditionExpression c, JsonNode d) {
        JsonNode v = value(d, c.attributeName());
        Object literal = c.values().isEmpty() ? null : c.values().getFirst();
        return switch (c.operator()) {
            case Null -> v == null || v.isNull();
            case NotNull -> v != null && !v.isNull();
            case Equal -> compare(v, literal) == 0;
            case NotEqual -> compare(v, literal) != 0;
            case GreaterThan -> compare(v, literal) > 0;
            case GreaterEqual -> compare(v, literal) >= 0;
            case LessThan -> compare(v, literal) < 0;
            case LessEqual -> compare(v, literal) <= 0;
            case BeginsWith -> text(v).startsWith(lower(literal));
            case DoesNotBeginWith -> !text(v).startsWith(lower(literal));
            case EndsWith -> text(v).endsWith(lower(literal));
            case DoesNotEndWith -> !text(v).endsWith(lower(literal));
            case Like -> text(v).contains(lower(literal).replace("%", "").replace("\\_", "_").replace("\\\\", "\\"));
            case NotLike -> !text(v).contains(lower(literal).replace("%", "").replace("\\_", "_").replace("\\\\", "\\"));
            default -> throw new FaultException(ErrorCodes.NotSupported, "The operator " + c.operator() + " is not supported on metadata.");
        };
    }

    /** A property, following {@code /} into complex values ({@code DisplayName/UserLocalizedLabel/Label}); managed properties compare by their Value. */
    private static JsonNode value(JsonNode d, String path) {
        JsonNode v = d;
        for (String part : path.split("/")) v = v == null ? null : v.get(part);
        if (v != null && v.isObject() && v.has("Value")) v = v.get("Value");
        return v;
    }

    /** Text compares case-insensitively, as the platform's queries do; a missing property equals nothing. */
    private static int compare(JsonNode v, Object literal) {
        if (v == null || v.isNull()) return literal == null ? 0 : -2;
        if (literal instanceof Boolean b) return v.isBoolean() && v.booleanValue() == b ? 0 : -2;
        if (literal instanceof Number n && v.isNumber()) return v.decimalValue().compareTo(new BigDecimal(n.toString()));
        return v.asString().toLowerCase(Locale.ROOT).compareTo(String.valueOf(literal).toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode v) { return v == null || v.isNull() ? "" : v.asString().toLowerCase(Locale.ROOT); }

    private static String lower(Object o) { return String.valueOf(o).toLowerCase(Locale.ROOT); }
}
