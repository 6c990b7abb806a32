package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * Reads an {@code $expand} value into {@link Expansions}: comma-separated navigation properties, each with options in
 * parentheses separated by {@code ;} ({@code $select}; {@code $filter}, {@code $orderby} and {@code $top} for
 * collection-valued ones; {@code $expand} for the related table's own navigation properties, to any depth). Every
 * name and column is checked against the metadata here, so that a wrong one is refused before anything runs; at most
 * {@value #MAX_EXPANSIONS} navigation properties, nested ones included, as Dataverse allows.
 */
final class ExpandParser {
    /** Dataverse's limit on the {@code $expand} options of one request, nested ones included. */
    static final int MAX_EXPANSIONS = 15;

    private ExpandParser() {}

    /** The expansions an {@code $expand} value asks for ({@code null}: none), each checked against the metadata. */
    static Expansions parse(OrganizationMetadata metadata, EntityMetadata e, String expand, Annotations annotations) {
        int[] count = {0};
        Expansions parsed = parse(metadata, e, expand, annotations, count);
        if (count[0] > MAX_EXPANSIONS) {
            throw new FaultException(ErrorCodes.NotSupported, "The $expand holds " + count[0] + " navigation properties, nested ones"
                    + " included; at most " + MAX_EXPANSIONS + " are allowed in one request.");
        }
        return parsed;
    }

    private static Expansions parse(OrganizationMetadata metadata, EntityMetadata e, String expand, Annotations annotations, int[] count) {
        List<Expansions.Expansion> list = new ArrayList<>();
        if (expand != null) {
            for (String item : split(expand, ',')) {
                if (item.isBlank()) continue;
                count[0]++;
                list.add(expansion(metadata, e, item.trim(), annotations, count));
            }
        }
        return new Expansions(metadata, e, list, annotations);
    }

    private static Expansions.Expansion expansion(OrganizationMetadata metadata, EntityMetadata e, String item, Annotations annotations, int[] count) {
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).trim();
        if (open >= 0 && !item.endsWith(")")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $expand '" + item + "': the options of '" + name
                    + "' must be closed with ')'.");
        }
        NavigationProperties.Navigation n = NavigationProperties.of(metadata).find(e.logicalName(), name);
        if (n == null) throw Expansions.unknownProperty(e, name);
        EntityMetadata target = metadata.entity(n.target());
        List<String> select = null;
        String filter = null;
        String orderBy = null;
        Integer top = null;
        String nested = null;
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
                    case "$expand" -> nested = value.isBlank() ? null : value;
                    default -> throw new FaultException(ErrorCodes.InvalidArgument, "The option '" + key + "' of the $expand of '"
                            + name + "' is not supported: use $select, $filter, $orderby, $top or $expand, separated by ';'.");
                }
            }
        }
        if (!n.collection() && (filter != null || orderBy != null || top != null)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' is a single-valued navigation property:"
                    + " its $expand takes only $select ($filter, $orderby and $top apply to collection-valued ones).");
        }
        QueryTranslator.columnSet(target, select); // an unknown column is refused before anything runs
        String options = open < 0 ? "" : item.substring(open + 1, item.length() - 1);
        return new Expansions.Expansion(n, target, select, filter, orderBy, top, parse(metadata, target, nested, annotations, count), options);
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
