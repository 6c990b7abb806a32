package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * The tables a search looks in and, for each, the columns it searches and returns and the filter its records must
 * pass. Searchable tables are those with a primary name column (every one unless {@code entities} names some); the
 * searched columns are the table's text columns (String and Memo), its primary name first, unless the request names
 * {@code searchColumns}. A {@code filter} is OData {@code $filter} text; a part written {@code table:filter} (parts
 * separated by commas) applies to that table only, a part without a table to every table that has all of its
 * columns (a table without one of them cannot hold a match and is left out).
 */
final class SearchScope {
    private static final Pattern TABLE_PART = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$", Pattern.DOTALL);

    /** One table to search. */
    record Table(EntityMetadata entity, List<String> searchColumns, List<String> selectColumns, FilterExpression filter) {}

    private SearchScope() {}

    static List<Table> tables(OrganizationMetadata metadata, SearchRequest r) {
        Map<String, List<String>> tableFilters = new LinkedHashMap<>();
        List<String> globalFilters = new ArrayList<>();
        if (r.filter() != null) {
            for (String part : parts(r.filter())) {
                Matcher m = TABLE_PART.matcher(part);
                if (m.matches()) {
                    String table = metadata.entity(m.group(1)).logicalName();
                    tableFilters.computeIfAbsent(table, k -> new ArrayList<>()).add(m.group(2));
                } else if (!part.isBlank()) {
                    globalFilters.add(part);
                }
            }
        }
        List<SearchRequest.SearchEntity> named = r.entities();
        if (named == null || named.isEmpty()) {
            named = new ArrayList<>();
            for (EntityMetadata e : metadata.entities()) {
                if (e.primaryNameAttribute() != null) named.add(new SearchRequest.SearchEntity(e.logicalName(), List.of(), List.of(), null));
            }
        }
        List<Table> out = new ArrayList<>();
        for (SearchRequest.SearchEntity s : named) {
            EntityMetadata e = metadata.entity(s.name());
            if (e.primaryNameAttribute() == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The table '" + e.logicalName() + "' has no primary name column,"
                        + " so it cannot be searched.");
            }
            List<String> filters = new ArrayList<>(tableFilters.getOrDefault(e.logicalName(), List.of()));
            if (s.filter() != null && !s.filter().isBlank()) filters.add(s.filter());
            FilterExpression filter = new FilterExpression();
            boolean holds = true;
            for (String f : globalFilters) {
                FilterExpression parsed = FilterParser.parse(f);
                if (!hasColumns(metadata, e, parsed)) holds = false;
                filter.addFilter(parsed);
            }
            if (!holds) continue;
            for (String f : filters) filter.addFilter(FilterParser.parse(f));
            out.add(new Table(e, searchColumns(e, s.searchColumns()), columns(e, s.selectColumns()), filter));
        }
        return out;
    }

    private static List<String> searchColumns(EntityMetadata e, List<String> named) {
        if (!named.isEmpty()) {
            for (String c : named) {
                AttributeType t = e.requireAttribute(c).type();
                if (t != AttributeType.String && t != AttributeType.Memo) {
                    throw new FaultException(ErrorCodes.InvalidArgument, "The column '" + e.logicalName() + "." + c
                            + "' is not a text column; only text columns can be searched.");
                }
            }
            return List.copyOf(new LinkedHashSet<>(named));
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(e.primaryNameAttribute());
        for (AttributeMetadata a : e.attributes().values()) {
            if (a.type() == AttributeType.String || a.type() == AttributeType.Memo) out.add(a.logicalName());
        }
        return List.copyOf(out);
    }

    private static List<String> columns(EntityMetadata e, List<String> named) {
        for (String c : named) e.requireAttribute(c);
        return List.copyOf(named);
    }

    /** Whether the table has every column the filter tests (a navigation path counts by its first step). */
    private static boolean hasColumns(OrganizationMetadata metadata, EntityMetadata e, FilterExpression f) {
        for (ConditionExpression c : f.conditions()) {
            String name = c.attributeName();
            int slash = name.indexOf('/');
            if (slash >= 0) {
                if (NavigationProperties.of(metadata).find(e.logicalName(), name.substring(0, slash)) == null) return false;
                continue;
            }
            if (!e.has(name)) return false;
        }
        for (FilterExpression g : f.filters()) if (!hasColumns(metadata, e, g)) return false;
        return true;
    }

    /** The filter's parts: split at commas outside quotes and parentheses. */
    private static List<String> parts(String filter) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == ',') {
                out.add(filter.substring(from, i));
                from = i + 1;
            }
        }
        out.add(filter.substring(from));
        return out;
    }
}
