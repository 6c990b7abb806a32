package org.xrm4j.server.webapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The system query options of one request ({@code $select}, {@code $filter}, {@code $orderby}, {@code $top},
 * {@code $skiptoken}, {@code $count}, {@code $expand}), decoded. A {@code +} stays a plus sign: clients percent-encode spaces, and a date-time offset
 * such as {@code +01:00} must survive. Options the server does not know yet are refused rather than ignored, so that a
 * query never silently returns more than was asked for.
 */
record QueryOptions(List<String> select, String filter, String orderBy, Integer top, String skipToken, boolean count, String expand) {
    private static final List<String> KNOWN = List.of("$select", "$filter", "$orderby", "$top", "$skiptoken", "$count", "$expand");

    static QueryOptions parse(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.startsWith("$") && !KNOWN.contains(name)) {
                throw new FaultException(ErrorCodes.NotSupported, "The query option '" + name + "' is not supported.");
            }
            options.put(name, value);
        }
        return new QueryOptions(select(options.get("$select")), blankToNull(options.get("$filter")),
                blankToNull(options.get("$orderby")), top(options.get("$top")), blankToNull(options.get("$skiptoken")),
                count(options.get("$count")), blankToNull(options.get("$expand")));
    }

    static List<String> select(String value) {
        if (value == null || value.isBlank()) return null;
        Selection columns = new Selection();
        for (String s : value.split(",")) {
            String c = s.trim();
            // Lookups are selected by their JSON name, _x_value; the column is x.
            boolean lookupValue = c.startsWith("_") && c.endsWith("_value") && c.length() > 7;
            if (lookupValue) c = c.substring(1, c.length() - 6);
            if (c.isEmpty() || columns.contains(c)) continue;
            columns.add(c);
            if (!lookupValue) columns.plain.add(c);
        }
        return columns;
    }

    /**
     * Selected columns that remember which were written by their own name rather than as {@code _x_value}: a lookup
     * written plainly names its single-valued navigation property, which {@code $select} cannot hold (Dataverse
     * refuses it too), and is refused once the table is known ({@link QueryTranslator#columnSet}).
     */
    static final class Selection extends ArrayList<String> {
        private final java.util.Set<String> plain = new java.util.HashSet<>();

        boolean writtenPlainly(String column) { return plain.contains(column); }
    }

    static Integer top(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            int top = Integer.parseInt(value.trim());
            if (top < 0) throw new NumberFormatException();
            return top;
        } catch (NumberFormatException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Invalid value '" + value + "' for $top query option.");
        }
    }

    private static boolean count(String value) {
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw new FaultException(ErrorCodes.InvalidArgument, "Invalid value '" + value + "' for $count query option: use true or false.");
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
