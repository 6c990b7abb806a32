package org.xrm4j.server.webapi;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.metadata.EntityMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Web API's record operations, each one typed SDK request to the engine: POST creates, GET retrieves or queries,
 * PATCH updates ({@code If-Match: *}), creates ({@code If-None-Match: *}) or upserts (neither), DELETE deletes.
 * Here only the HTTP forms are decided (status, headers, JSON shape); the engine holds every rule.
 */
final class RecordOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    private final XrmEngine engine;
    private final String organization;
    private final WebApiExchange exchange;
    private final String base;

    RecordOperations(XrmEngine engine, String organization, WebApiExchange exchange, String base) {
        this.engine = engine;
        this.organization = organization;
        this.exchange = exchange;
        this.base = base;
    }

    String organization() { return organization; }

    private OrganizationResponse execute(OrganizationRequest request) {
        return engine.execute(organization, exchange.bearerToken(), exchange.callerId(), request);
    }

    void whoAmI() {
        OrganizationResponse r = execute(new WhoAmIRequest());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        o.put("BusinessUnitId", String.valueOf(r.get("BusinessUnitId")));
        o.put("UserId", String.valueOf(r.get("UserId")));
        o.put("OrganizationId", String.valueOf(r.get("OrganizationId")));
        exchange.json(200, o.toString());
    }

    void create(EntityMetadata e) throws IOException {
        checkSelection(e);
        Entity record = reader(e).read(body(), null);
        UUID id = (UUID) execute(new CreateRequest(record)).get("id");
        written(e, id, 201);
    }

    void retrieve(EntityMetadata e, UUID id) {
        QueryOptions options = QueryOptions.parse(exchange.rawQuery());
        Entity record = read(e, id, options.select());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", context(e, options.select()) + "/$entity");
        o.setAll(RecordRenderer.render(e, record, RecordRenderer.columns(e, options.select())));
        exchange.json(200, o.toString());
    }

    void query(EntityMetadata e) {
        QueryOptions options = QueryOptions.parse(exchange.rawQuery());
        Integer pageSize = maxPageSize();
        QueryExpression q = QueryTranslator.translate(e, options, pageSize);
        EntityCollection rows = (EntityCollection) execute(new RetrieveMultipleRequest(q)).get("EntityCollection");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", context(e, options.select()));
        ArrayNode value = o.putArray("value");
        List<String> columns = RecordRenderer.columns(e, options.select());
        for (Entity row : rows.entities()) value.add(RecordRenderer.render(e, row, columns));
        if (options.count()) o.put("@odata.count", q.pageInfo() != null ? rows.totalRecordCount() : rows.entities().size());
        if (pageSize != null) exchange.setHeader("Preference-Applied", "odata.maxpagesize=" + pageSize);
        if (q.pageInfo() != null && rows.moreRecords()) {
            o.put("@odata.nextLink", nextLink(e, new SkipToken(q.pageInfo().pageNumber() + 1, rows.pagingCookie())));
        }
        exchange.json(200, o.toString());
    }

    /** {@code /{set}/$count}: the number of rows (at most 5000, as in Dataverse) as plain text after a byte-order mark. */
    void count(EntityMetadata e) {
        QueryExpression q = new QueryExpression(e.logicalName()).columnSet(new ColumnSet(e.primaryIdAttribute()))
                .pageInfo(new PagingInfo(1, 1, null, true));
        EntityCollection rows = (EntityCollection) execute(new RetrieveMultipleRequest(q)).get("EntityCollection");
        exchange.text(200, "\uFEFF" + rows.totalRecordCount());
    }

    void update(EntityMetadata e, UUID id) throws IOException {
        checkSelection(e);
        Entity record = reader(e).read(body(), id);
        String ifMatch = exchange.header("If-Match");
        String ifNoneMatch = exchange.header("If-None-Match");
        if (ifMatch != null && !ifMatch.trim().equals("*")) {
            throw new FaultException(ErrorCodes.NotImplemented, "Optimistic concurrency with If-Match: " + ifMatch + " is not supported yet.");
        }
        if (ifMatch != null) {
            execute(new UpdateRequest(record));
        } else if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            execute(new CreateRequest(record));
        } else {
            execute(new UpsertRequest(record));
        }
        written(e, id, 200);
    }

    void delete(EntityMetadata e, UUID id) {
        String ifMatch = exchange.header("If-Match");
        if (ifMatch != null && !ifMatch.trim().equals("*")) {
            throw new FaultException(ErrorCodes.NotImplemented, "Optimistic concurrency with If-Match: " + ifMatch + " is not supported yet.");
        }
        execute(new DeleteRequest(new EntityReference(e.logicalName(), id)));
        exchange.empty(204);
    }

    /** After a write: the record with {@code Prefer: return=representation}, otherwise 204 and its address. */
    private void written(EntityMetadata e, UUID id, int representationStatus) {
        String address = base + e.entitySetName() + "(" + id + ")";
        exchange.setHeader("OData-EntityId", address);
        if (!prefers("return=representation")) {
            exchange.empty(204);
            return;
        }
        QueryOptions options = QueryOptions.parse(exchange.rawQuery());
        Entity record = read(e, id, options.select());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", context(e, options.select()) + "/$entity");
        o.setAll(RecordRenderer.render(e, record, RecordRenderer.columns(e, options.select())));
        exchange.setHeader("Preference-Applied", "return=representation");
        exchange.json(representationStatus, o.toString());
    }

    /** A selection that names an unknown column is refused before the write, not after it has happened. */
    private void checkSelection(EntityMetadata e) {
        QueryTranslator.columnSet(e, QueryOptions.parse(exchange.rawQuery()).select());
    }

    private Entity read(EntityMetadata e, UUID id, List<String> select) {
        RetrieveRequest r = new RetrieveRequest(new EntityReference(e.logicalName(), id), QueryTranslator.columnSet(e, select));
        return (Entity) execute(r).get("Entity");
    }

    private String context(EntityMetadata e, List<String> select) {
        String columns = select == null ? "" : "(" + String.join(",", select.stream().map(c -> {
            var a = e.attribute(c);
            return a == null ? c : RecordRenderer.jsonName(a);
        }).toList()) + ")";
        return base + "$metadata#" + e.entitySetName() + columns;
    }

    /** The same query with the next page's token, absolute, so that the client can follow it as it is. */
    private String nextLink(EntityMetadata e, SkipToken token) {
        StringBuilder query = new StringBuilder();
        for (String pair : exchange.rawQuery().split("&")) {
            if (pair.isEmpty() || pair.startsWith("$skiptoken=") || pair.startsWith("%24skiptoken=")) continue;
            query.append(query.isEmpty() ? "" : "&").append(pair);
        }
        query.append(query.isEmpty() ? "" : "&").append("$skiptoken=").append(SkipToken.encode(token.render()));
        return base + e.entitySetName() + "?" + query;
    }

    private Integer maxPageSize() {
        String prefer = exchange.header("Prefer");
        if (prefer == null) return null;
        Matcher m = MAX_PAGE_SIZE.matcher(prefer);
        if (!m.find()) return null;
        int size = Integer.parseInt(m.group(1));
        return size <= 0 ? null : Math.min(size, 5000);
    }

    private boolean prefers(String preference) {
        String prefer = exchange.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains(preference);
    }

    private RecordReader reader(EntityMetadata e) {
        return new RecordReader(engine.deployment().organization(organization).metadata(), e);
    }

    private JsonNode body() throws IOException {
        byte[] bytes = exchange.body(engine.settings().maxRequestBytes());
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        return JSON.readTree(bytes);
    }
}
