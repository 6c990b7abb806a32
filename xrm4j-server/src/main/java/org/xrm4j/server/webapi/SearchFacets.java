package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.webapi.SearchLookup.Hit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Value facets over all the matched records (not only the page returned): {@code "@search.entityname,count:10"} (or
 * {@code entityname}) counts records per table; {@code "ownerid"}, {@code "statecode,sort:value"} or
 * {@code "account:primarycontactid"} (also {@code account.primarycontactid}: that table's records only) count them per
 * value of a column, a lookup's name as {@code OptionalValue}. Options: {@code count:N} (the most entries, default 10)
 * and {@code sort:count|-count|value|-value} (default: most frequent first). Range facets ({@code values:},
 * {@code interval:}, {@code timeoffset:}) are refused.
 */
final class SearchFacets {
    private record Facet(String key, String table, String column, int count, String sort) {}

    private SearchFacets() {}

    /** The columns the facets need read. */
    static Set<String> columns(List<String> specs) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : specs) {
            Facet f = parse(s);
            if (f.column() != null) out.add(f.column());
        }
        return out;
    }

    /** The facets' entries, or {@code null} when none were asked for. */
    static ObjectNode of(List<String> specs, List<Hit> hits) {
        if (specs.isEmpty()) return null;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String s : specs) {
            Facet f = parse(s);
            Map<Object, long[]> counts = new LinkedHashMap<>();
            Map<Object, Object> shown = new LinkedHashMap<>();
            Map<Object, String> names = new LinkedHashMap<>();
            for (Hit h : hits) {
                if (f.table() != null && !f.table().equals(h.table().entity().logicalName())) continue;
                Object v = f.column() == null ? h.table().entity().logicalName() : h.record().get(f.column());
                if (v == null) continue;
                Object key = SearchAnswers.comparable(v);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                shown.putIfAbsent(key, v);
                if (v instanceof EntityReference ref && ref.name() != null) names.put(key, ref.name());
            }
            List<Object> keys = new ArrayList<>(counts.keySet());
            Comparator<Object> byCount = Comparator.comparingLong(k -> counts.get(k)[0]);
            Comparator<Object> byValue = SearchAnswers::compare;
            keys.sort(switch (f.sort()) {
                case "-count" -> byCount.thenComparing(byValue);
                case "value" -> byValue;
                case "-value" -> byValue.reversed();
                default -> byCount.reversed().thenComparing(byValue);
            });
            ArrayNode entries = out.putArray(f.key());
            for (Object k : keys.subList(0, Math.min(f.count(), keys.size()))) {
                entries.add(SearchAnswers.facetEntry(shown.get(k), names.get(k), counts.get(k)[0]));
            }
        }
        return out;
    }

    private static Facet parse(String spec) {
        String[] parts = spec.split(",");
        String key = parts[0].trim();
        int count = 10;
        String sort = "count";
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split(":", 2);
            String option = kv[0].trim().toLowerCase(java.util.Locale.ROOT);
            String value = kv.length == 2 ? kv[1].trim() : "";
            switch (option) {
                case "count" -> {
                    try {
                        count = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new FaultException(ErrorCodes.InvalidArgument, "The facet '" + spec + "' has count '" + value + "'; it must be a whole number.");
                    }
                }
                case "sort" -> {
                    if (!value.matches("-?(count|value)")) {
                        throw new FaultException(ErrorCodes.InvalidArgument, "The facet '" + spec + "' has sort '" + value
                                + "'; it must be count, -count, value or -value.");
                    }
                    sort = value;
                }
                case "values", "interval", "timeoffset" -> throw new FaultException(ErrorCodes.NotSupported, "The facet '" + spec
                        + "' asks for ranges (" + option + "), which this service does not support; facet by value instead.");
                default -> throw new FaultException(ErrorCodes.InvalidArgument, "The facet '" + spec + "' has an unknown option '" + option + "'.");
            }
        }
        if (key.equalsIgnoreCase("@search.entityname") || key.equalsIgnoreCase("entityname")) return new Facet(key, null, null, count, sort);
        int split = Math.max(key.indexOf(':'), key.indexOf('.'));
        if (split > 0) return new Facet(key, key.substring(0, split), key.substring(split + 1), count, sort);
        return new Facet(key, null, key, count, sort);
    }
}
