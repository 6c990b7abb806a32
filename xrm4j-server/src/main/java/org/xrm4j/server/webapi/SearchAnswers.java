package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.metadata.ObjectTypeCodes;
import org.xrm4j.server.webapi.SearchLookup.Hit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders the matched records and writes the answers in the endpoint version's form. Version 1.0 answers plain JSON
 * ({@code value}, {@code facets}, {@code totalrecordcount}, {@code querycontext}); version 2.0 answers
 * {@code {"response":"<JSON text>"}} whose text holds {@code Value}, {@code Facets}, {@code Count},
 * {@code QueryContext} and {@code Error}, each result as {@code Id}, {@code EntityName}, {@code ObjectTypeCode},
 * {@code Attributes}, {@code Highlights} and {@code Score}. Values use the Web API's forms: ids and lookups as GUID text,
 * choices as integers, dates as {@code 2024-03-01T10:20:30Z}.
 */
final class SearchAnswers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SearchAnswers() {}

    /** Sorts by the request's {@code orderby} (a column or {@code @search.score}, asc or desc), then by relevance. */
    static List<Hit> order(List<Hit> hits, List<String> orderBy) {
        Comparator<Hit> c = null;
        for (String clause : orderBy) {
            String[] words = clause.trim().split("\\s+");
            if (words.length > 2 || (words.length == 2 && !words[1].matches("(?i)asc|desc"))) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Invalid orderby clause '" + clause
                        + "': write a column name or @search.score, then asc or desc.");
            }
            String column = words[0];
            Comparator<Hit> by = column.equalsIgnoreCase("@search.score") ? Comparator.comparingDouble(Hit::score)
                    : Comparator.comparing((Hit h) -> comparable(h.record().get(column)), Comparator.nullsFirst(SearchAnswers::compare));
            if (words.length == 2 && words[1].equalsIgnoreCase("desc")) by = by.reversed();
            c = c == null ? by : c.thenComparing(by);
        }
        Comparator<Hit> relevance = Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing((Hit h) -> comparable(h.record().get("modifiedon")), Comparator.nullsLast((a, b) -> compare(b, a)))
                .thenComparing(h -> h.table().entity().logicalName())
                .thenComparing(h -> h.record().id());
        List<Hit> out = new ArrayList<>(hits);
        out.sort(c == null ? relevance : c.thenComparing(relevance));
        return out;
    }

    static JsonNode query(SearchRequest r, List<Hit> ordered, ObjectNode facets) {
        List<Hit> page = ordered.subList(Math.min(r.skip(), ordered.size()), Math.min(r.skip() + r.top(), ordered.size()));
        long count = r.count() ? ordered.size() : -1;
        if (r.version().equals("1.0")) {
            ObjectNode o = F.objectNode();
            ArrayNode value = o.putArray("value");
            for (Hit h : page) value.add(v1(h));
            o.set("facets", facets);
            o.put("totalrecordcount", count);
            o.putNull("querycontext");
            return o;
        }
        ObjectNode inner = F.objectNode();
        inner.putNull("Error");
        ArrayNode value = inner.putArray("Value");
        for (Hit h : page) value.add(v2(h));
        inner.set("Facets", facets);
        inner.putNull("QueryContext");
        inner.put("Count", count);
        return wrap(inner);
    }

    static JsonNode suggest(SearchRequest r, List<Hit> ordered) {
        List<Hit> page = ordered.subList(0, Math.min(r.top(), ordered.size()));
        boolean v1 = r.version().equals("1.0");
        ArrayNode value = F.arrayNode();
        for (Hit h : page) {
            String primary = h.table().entity().primaryNameAttribute();
            String text = h.highlights().containsKey(primary) ? h.highlights().get(primary) : h.highlights().values().iterator().next();
            ObjectNode item = value.addObject();
            item.put(v1 ? "text" : "Text", text);
            ObjectNode document = item.putObject(v1 ? "document" : "Document");
            document.put("@search.objectid", h.record().id().toString());
            document.put("@search.entityname", h.table().entity().logicalName());
            document.put("@search.objecttypecode", ObjectTypeCodes.of(h.table().entity()));
            attributes(h, document);
        }
        if (v1) {
            ObjectNode o = F.objectNode();
            o.set("value", value);
            o.putNull("querycontext");
            return o;
        }
        ObjectNode inner = F.objectNode();
        inner.putNull("Error");
        inner.set("Value", value);
        inner.putNull("QueryContext");
        return wrap(inner);
    }

    static JsonNode autocomplete(SearchRequest r, String completion) {
        if (r.version().equals("1.0")) {
            ObjectNode o = F.objectNode();
            o.put("value", completion);
            o.putNull("querycontext");
            return o;
        }
        ObjectNode inner = F.objectNode();
        inner.putNull("Error");
        inner.put("Value", completion);
        inner.putNull("QueryContext");
        return wrap(inner);
    }

    private static ObjectNode wrap(ObjectNode inner) {
        ObjectNode o = F.objectNode();
        o.put("response", inner.toString());
        return o;
    }

    private static ObjectNode v1(Hit h) {
        ObjectNode o = F.objectNode();
        o.put("@search.score", h.score());
        ObjectNode highlights = o.putObject("@search.highlights");
        h.highlights().forEach((column, text) -> highlights.putArray(column).add(text));
        o.put("@search.entityname", h.table().entity().logicalName());
        o.put("@search.objectid", h.record().id().toString());
        o.put("@search.objecttypecode", ObjectTypeCodes.of(h.table().entity()));
        attributes(h, o);
        return o;
    }

    private static ObjectNode v2(Hit h) {
        ObjectNode o = F.objectNode();
        o.put("Id", h.record().id().toString());
        o.put("EntityName", h.table().entity().logicalName());
        o.put("ObjectTypeCode", ObjectTypeCodes.of(h.table().entity()));
        attributes(h, o.putObject("Attributes"));
        ObjectNode highlights = o.putObject("Highlights");
        h.highlights().forEach((column, text) -> highlights.putArray(column).add(text));
        o.put("Score", h.score());
        return o;
    }

    /** The owner, then the returned columns: those the request selected, else the searched ones and the dates. */
    private static void attributes(Hit h, ObjectNode o) {
        Entity r = h.record();
        if (r.get("ownerid") instanceof EntityReference owner) {
            o.put("ownerid", owner.id().toString());
            o.put("owneridname", owner.name());
            o.put("@search.ownerid.logicalname", owner.logicalName());
        }
        List<String> columns = new ArrayList<>(h.table().selectColumns());
        if (columns.isEmpty()) {
            columns.addAll(h.table().searchColumns());
            for (String c : List.of("createdon", "modifiedon")) if (h.table().entity().has(c)) columns.add(c);
        }
        for (String c : columns) {
            if (c.equals("ownerid")) continue;
            Object v = r.get(c);
            o.set(c, value(v));
            if (v instanceof EntityReference ref) o.put(c + "name", ref.name());
        }
    }

    /** A column's value in the Web API's JSON form. */
    static JsonNode value(Object v) {
        return switch (v) {
            case null -> F.nullNode();
            case String s -> F.stringNode(s);
            case Boolean b -> F.booleanNode(b);
            case Integer i -> F.numberNode(i);
            case Long l -> F.numberNode(l);
            case Double d -> F.numberNode(d);
            case BigDecimal d -> F.numberNode(d);
            case Money m -> F.numberNode(m.value());
            case OptionSetValue o -> F.numberNode(o.value());
            case OptionSetValueCollection c -> F.stringNode(String.join(",", c.values().stream().map(o -> String.valueOf(o.value())).toList()));
            case EntityReference e -> F.stringNode(e.id().toString());
            case UUID u -> F.stringNode(u.toString());
            case Instant t -> F.stringNode(t.truncatedTo(ChronoUnit.SECONDS).toString());
            default -> F.stringNode(v.toString());
        };
    }

    /** A value that orders as its column does: text without regard to case, lookups by id, choices by number. */
    static Object comparable(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s.toLowerCase(Locale.ROOT);
            case Money m -> m.value();
            case OptionSetValue o -> o.value();
            case EntityReference e -> e.id().toString();
            case Number n -> new BigDecimal(n.toString());
            default -> v;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a.getClass() == b.getClass() && a instanceof Comparable c) return c.compareTo(b);
        return a.toString().compareTo(b.toString());
    }

    /** A facet's entries in Dataverse's form: {@code Type}, {@code Value}, {@code OptionalValue} for lookups, {@code Count}. */
    static ObjectNode facetEntry(Object value, String optional, long count) {
        ObjectNode o = F.objectNode();
        o.put("Type", "Value");
        o.set("Value", value(value));
        if (optional != null) o.put("OptionalValue", optional);
        o.put("Count", count);
        return o;
    }
}
