package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * Builds the engine's {@link QueryExpression} from the query options of a collection request: columns, filter, order,
 * top, and the page to read ({@code Prefer: odata.maxpagesize} and {@code $skiptoken}).
 */
final class QueryTranslator {
    static final int MAX_PAGE_SIZE = 5000;

    private QueryTranslator() {}

    static QueryExpression translate(OrganizationMetadata metadata, EntityMetadata e, QueryOptions options, Integer pageSize) {
        QueryExpression q = new QueryExpression(e.logicalName()).columnSet(columnSet(e, options.select()));
        if (options.filter() != null) {
            q.criteria(FilterParser.parse(options.filter()));
            NavigationFilters.apply(metadata, e, q);
        }
        if (options.orderBy() != null) order(q, options.orderBy());
        if (options.top() != null) {
            q.topCount(options.top());
        } else {
            // Without $top every query is paged, as in Dataverse: 5000 rows unless the client asked for fewer, and
            // an @odata.nextLink for the rest, so that no row is ever silently left out.
            int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
            SkipToken token = options.skipToken() == null ? null : SkipToken.parse(options.skipToken());
            q.pageInfo(token == null ? new PagingInfo(size, 1, null, options.count())
                    : new PagingInfo(size, token.page(), token.pagingCookie(), options.count()));
        }
        return q;
    }

    /** The columns to read: the selection plus the version (for the etag), or all of them. */
    static ColumnSet columnSet(EntityMetadata e, List<String> select) {
        if (select == null) return ColumnSet.all();
        List<String> columns = new ArrayList<>(select);
        for (String c : columns) {
            var a = e.requireAttribute(c);
            if (a.type().isLookup() && select instanceof QueryOptions.Selection s && s.writtenPlainly(c)) {
                throw new FaultException(ErrorCodes.InvalidArgument, "'" + c + "' is a single-valued navigation property of "
                        + e.logicalName() + ", which $select cannot hold: select the lookup's value as _" + c + "_value, or read the"
                        + " related record with $expand=" + c + "($select=…).");
            }
        }
        if (e.has("versionnumber") && !columns.contains("versionnumber")) columns.add("versionnumber");
        return new ColumnSet(false, columns);
    }

    static void order(QueryExpression q, String orderBy) {
        for (String part : orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $orderby '" + orderBy + "'.");
            }
            String attribute = words[0];
            if (attribute.startsWith("_") && attribute.endsWith("_value") && attribute.length() > 7) {
                attribute = attribute.substring(1, attribute.length() - 6);
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            OrderType type = switch (direction) {
                case "asc" -> OrderType.Ascending;
                case "desc" -> OrderType.Descending;
                default -> throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $orderby direction '" + words[1] + "'.");
            };
            q.addOrder(attribute, type);
        }
    }
}
