package org.xrm4j.server.webapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.query.FetchXmlParser;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET <set>?fetchXml=<FetchXML>}: the query runs as the SDK's RetrieveMultiple with a FetchExpression, so the
 * engine's FetchXML support is the Web API's. Records hold the columns that have values, as Dataverse answers FetchXML
 * (a link-entity's columns as {@code alias.column}). A paged fetch ({@code page}/{@code count}) with more rows answers
 * {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} — {@code <cookie pagenumber="N+1" pagingcookie="…"
 * istracking="False" />}, the engine's paging cookie URL-encoded twice, as clients decode it — and
 * {@code @Microsoft.Dynamics.CRM.morerecords}; the last page has no cookie, which is how clients such as
 * dynamics-web-api's fetchAll know to stop.
 */
final class FetchXmlQueries {
    private static final String PARAMETER = "fetchXml";
    private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("%[0-9A-F]{2}");

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    FetchXmlQueries(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** The FetchXML of a request's query string, or {@code null} when it has none. */
    static String fetchXml(WebApiRequest request) {
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && QueryOptions.decode(pair.substring(0, eq)).equals(PARAMETER)) return QueryOptions.decode(pair.substring(eq + 1));
        }
        return null;
    }

    Operation plan(EntityMetadata e, String fetchXml) {
        for (String pair : request.rawQuery().split("&")) {
            String name = QueryOptions.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            if (name.startsWith("$")) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The query option '" + name + "' cannot be combined with"
                        + " fetchXml: the FetchXML itself says which columns, conditions, order and page to read.");
            }
        }
        // Parsed here too, so that a query of another table is refused before it runs and its paging is known.
        QueryExpression q = FetchXmlParser.parse(fetchXml);
        if (!q.entityName().equals(e.logicalName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The FetchXML queries the table '" + q.entityName()
                    + "', but it was sent to the entity set '" + e.entitySetName() + "' (" + e.logicalName() + ").");
        }
        boolean paged = q.topCount() == null;
        int page = q.pageInfo() == null ? 1 : Math.max(1, q.pageInfo().pageNumber());
        Annotations annotations = Annotations.of(request);
        NavigationProperties navigations = NavigationProperties.of(metadata);
        return Operation.of(new RetrieveMultipleRequest(new FetchExpression(fetchXml)), r -> {
            EntityCollection rows = (EntityCollection) r.get("EntityCollection");
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", base + "$metadata#" + e.entitySetName());
            if (q.pageInfo() != null && q.pageInfo().returnTotalRecordCount()) {
                o.put("@Microsoft.Dynamics.CRM.totalrecordcount", rows.totalRecordCount());
                o.put("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", rows.totalRecordCountLimitExceeded());
            }
            if (paged && rows.moreRecords() && rows.pagingCookie() != null) {
                o.put("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", "<cookie pagenumber=\"" + (page + 1) + "\" pagingcookie=\""
                        + encode(encode(rows.pagingCookie())) + "\" istracking=\"False\" />");
            }
            if (paged) o.put("@Microsoft.Dynamics.CRM.morerecords", rows.moreRecords());
            ArrayNode value = o.putArray("value");
            for (Entity row : rows.entities()) value.add(record(e, row, annotations, navigations));
            return annotations.applied(WebApiResponse.json(200, o.toString()));
        });
    }

    /** A row with the columns it has: its own as usual, a link-entity's as {@code alias.column}. */
    private ObjectNode record(EntityMetadata e, Entity row, Annotations annotations, NavigationProperties navigations) {
        List<String> own = new ArrayList<>();
        for (String name : row.attributes().keySet()) if (!name.contains(".")) own.add(name);
        ObjectNode o = annotations.render(navigations, e, row, own);
        for (Map.Entry<String, Object> a : row.attributes().entrySet()) {
            if (!(a.getValue() instanceof AliasedValue v)) continue;
            EntityMetadata linked = metadata.linkable(v.entityLogicalName());
            AttributeMetadata attribute = linked == null ? null : linked.attribute(v.attributeLogicalName());
            if (attribute == null) continue;
            Entity single = new Entity(linked.logicalName()).set(attribute.logicalName(), v.value());
            String formatted = row.formattedValues().get(a.getKey());
            if (formatted != null) single.formattedValues().put(attribute.logicalName(), formatted);
            ObjectNode column = annotations.render(navigations, linked, single, List.of(attribute.logicalName()));
            String jsonName = RecordRenderer.jsonName(attribute);
            for (Map.Entry<String, tools.jackson.databind.JsonNode> p : column.properties()) {
                if (p.getKey().equals(jsonName)) {
                    o.set(a.getKey(), p.getValue());
                } else if (p.getKey().startsWith(jsonName + "@")) {
                    o.set(a.getKey() + p.getKey().substring(jsonName.length()), p.getValue());
                }
            }
        }
        return o;
    }

    /** URL encoding as Dataverse writes it: lower-case escapes, spaces as %20 (never '+', which clients keep). */
    private static String encode(String s) {
        String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        return ESCAPE.matcher(encoded).replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));
    }
}
