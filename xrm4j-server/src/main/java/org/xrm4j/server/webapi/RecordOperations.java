package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
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
 * The Web API's record operations, each planned as typed SDK requests for the engine: POST creates, GET retrieves or
 * queries, PATCH updates ({@code If-Match: *}), creates ({@code If-None-Match: *}) or upserts (neither), DELETE
 * deletes. Here only the HTTP forms are decided (status, headers, JSON shape); the engine holds every rule. Nothing
 * runs here: an {@link Operation} says what to run and how to answer, so that a request alone and a part of a
 * {@code $batch} are served by the same code.
 */
final class RecordOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    private final XrmEngine engine;
    private final String organization;
    private final WebApiRequest request;
    private final String base;

    RecordOperations(XrmEngine engine, String organization, WebApiRequest request, String base) {
        this.engine = engine;
        this.organization = organization;
        this.request = request;
        this.base = base;
    }

    String organization() { return organization; }

    Operation whoAmI() {
        return Operation.of(new WhoAmIRequest(), r -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            o.put("BusinessUnitId", String.valueOf(r.get("BusinessUnitId")));
            o.put("UserId", String.valueOf(r.get("UserId")));
            o.put("OrganizationId", String.valueOf(r.get("OrganizationId")));
            return WebApiResponse.json(200, o.toString());
        });
    }

    /**
     * The new record's id is chosen here when the body names none, so that the address is known before the engine
     * runs: a read-back and a change set's {@code $n} reference both need it.
     */
    Operation create(EntityMetadata e) {
        checkSelection(e);
        DeepInsert deep = new DeepInsert(engine.deployment().organization(organization).metadata());
        Entity record = deep.read(e, body());
        return deep.around(written(e, RecordKey.of(record.id()), new CreateRequest(record), 201));
    }

    Operation retrieve(EntityMetadata e, RecordKey key) {
        return readBack(e, key, List.of(), 200, null);
    }

    Operation query(EntityMetadata e) {
        String fetchXml = FetchXmlQueries.fetchXml(request);
        if (fetchXml != null) return new FetchXmlQueries(metadata(), request, base).plan(e, fetchXml);
        return query(e, List.of(), q -> {}, e.entitySetName());
    }

    /**
     * A query of {@code e}'s records narrowed by {@code scope}, after the {@code before} requests have run (their
     * faults answer instead); {@code path} is the resource its next link repeats ({@code accounts}, or
     * {@code accounts(<id>)/contact_customer_accounts} for the records of a navigation property).
     */
    Operation query(EntityMetadata e, List<OrganizationRequest> before, java.util.function.Consumer<QueryExpression> scope, String path) {
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        Integer pageSize = maxPageSize();
        QueryExpression q = QueryTranslator.translate(metadata(), e, options, pageSize);
        scope.accept(q);
        Expansions expansions = expansions(e, options);
        expansions.link(q);
        Annotations annotations = Annotations.of(request);
        List<OrganizationRequest> requests = new ArrayList<>(before);
        requests.add(new RetrieveMultipleRequest(q));
        int own = before.size();
        return Operation.reading(requests, null, (responses, reads) -> {
            EntityCollection rows = (EntityCollection) responses.get(own).get("EntityCollection");
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", context(e, options.select()));
            ArrayNode value = o.putArray("value");
            List<String> columns = RecordRenderer.columns(e, options.select());
            List<ObjectNode> records = new ArrayList<>();
            for (Entity row : rows.entities()) {
                ObjectNode record = annotations.render(navigations(), e, row, columns);
                expansions.addLinked(record, row);
                records.add(record);
                value.add(record);
            }
            if (expansions.readsAfter()) expansions.addRead(records, rows.entities(), reads, base);
            if (options.count()) o.put("@odata.count", q.pageInfo() != null ? rows.totalRecordCount() : rows.entities().size());
            if (q.pageInfo() != null && rows.moreRecords()) {
                o.put("@odata.nextLink", nextLink(path, new SkipToken(q.pageInfo().pageNumber() + 1, rows.pagingCookie())));
            }
            WebApiResponse answer = WebApiResponse.json(200, o.toString());
            if (pageSize != null) answer.applied("odata.maxpagesize=" + pageSize);
            return annotations.applied(answer);
        });
    }

    /** {@code /{set}/$count}: the number of rows (at most 5000, as in Dataverse) as plain text after a byte-order mark. */
    Operation count(EntityMetadata e) {
        QueryExpression q = new QueryExpression(e.logicalName()).columnSet(new ColumnSet(e.primaryIdAttribute()))
                .pageInfo(new PagingInfo(1, 1, null, true));
        return Operation.of(new RetrieveMultipleRequest(q),
                r -> WebApiResponse.text(200, "\uFEFF" + ((EntityCollection) r.get("EntityCollection")).totalRecordCount()));
    }

    Operation update(EntityMetadata e, RecordKey id) {
        checkSelection(e);
        Entity record = id.apply(reader(e).read(body(), id.id()));
        return written(e, id, ConditionalRequests.write(record, request), 200);
    }

    Operation delete(EntityMetadata e, RecordKey id) {
        Operation delete = Operation.of(ConditionalRequests.delete(id.reference(e), request), r -> WebApiResponse.empty(204));
        return new Operation(delete.requests(), delete.answer(), id.address(e));
    }

    /**
     * A write, answered with the record when {@code Prefer: return=representation} asks for it (a Retrieve after
     * the write), otherwise 204 and its address.
     */
    Operation written(EntityMetadata e, RecordKey id, OrganizationRequest write, int representationStatus) {
        String address = base + id.address(e);
        if (!prefers("return=representation")) {
            return new Operation(List.of(write), r -> WebApiResponse.empty(204).header("OData-EntityId", address), id.address(e));
        }
        return readBack(e, id, List.of(write), representationStatus, id.address(e))
                .thenAnswer(answer -> answer.header("OData-EntityId", address).applied("return=representation"));
    }

    /**
     * The record, read after {@code before} has run, with its expansions. Their queries are planned with the
     * Retrieve when the id is known; a record named by alternate key tells its id only once read, so they follow it,
     * as do nested expansions, which need the related records first.
     */
    private Operation readBack(EntityMetadata e, RecordKey key, List<OrganizationRequest> before, int status, String address) {
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        Expansions expansions = expansions(e, options);
        Annotations annotations = Annotations.of(request);
        List<OrganizationRequest> requests = new ArrayList<>(before);
        requests.add(retrieveRequest(e, key, options.select()));
        int own = before.size();
        if ((key.alternate() || expansions.hasNested()) && !expansions.isEmpty()) {
            return Operation.reading(requests, address, (responses, reads) -> {
                List<OrganizationResponse> read = new ArrayList<>(responses.subList(own, responses.size()));
                for (OrganizationRequest r : expansions.requestsFor(((Entity) read.getFirst().get("Entity")).id())) read.add(reads.execute(r));
                return annotations.applied(representation(e, read, options, status, reads));
            });
        }
        if (!key.alternate()) requests.addAll(expansions.requestsFor(key.id()));
        return new Operation(requests, r -> annotations.applied(representation(e, r.subList(own, r.size()), options, status, null)), address);
    }

    /**
     * A record from the responses of its Retrieve and of its expansions' queries, in that order; {@code reads} reads
     * the nested expansions ({@code null} when there are none).
     */
    WebApiResponse representation(EntityMetadata e, List<OrganizationResponse> responses, QueryOptions options, int status,
                                  Operation.Reads reads) {
        Entity record = (Entity) responses.getFirst().get("Entity");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", context(e, options.select()) + "/$entity");
        o.setAll(Annotations.of(request).render(navigations(), e, record, RecordRenderer.columns(e, options.select())));
        expansions(e, options).addPlanned(o, responses.subList(1, responses.size()), reads);
        return WebApiResponse.json(status, o.toString());
    }

    private Expansions expansions(EntityMetadata e, QueryOptions options) {
        return Expansions.parse(metadata(), e, options.expand(), Annotations.of(request));
    }

    private org.xrm4j.server.metadata.OrganizationMetadata metadata() {
        return engine.deployment().organization(organization).metadata();
    }

    private NavigationProperties navigations() { return NavigationProperties.of(metadata()); }

    /** A selection that names an unknown column is refused before the write, not after it has happened. */
    private void checkSelection(EntityMetadata e) {
        QueryTranslator.columnSet(e, QueryOptions.parse(request.rawQuery()).select());
    }

    private static RetrieveRequest retrieveRequest(EntityMetadata e, RecordKey id, List<String> select) {
        return new RetrieveRequest(id.reference(e), QueryTranslator.columnSet(e, select));
    }

    private String context(EntityMetadata e, List<String> select) {
        String columns = select == null ? "" : "(" + String.join(",", select.stream().map(c -> {
            var a = e.attribute(c);
            return a == null ? c : RecordRenderer.jsonName(a);
        }).toList()) + ")";
        return base + "$metadata#" + e.entitySetName() + columns;
    }

    /** The same query with the next page's token, absolute, so that the client can follow it as it is. */
    private String nextLink(String path, SkipToken token) {
        StringBuilder query = new StringBuilder();
        for (String pair : request.rawQuery().split("&")) {
            if (pair.isEmpty() || pair.startsWith("$skiptoken=") || pair.startsWith("%24skiptoken=")) continue;
            query.append(query.isEmpty() ? "" : "&").append(pair);
        }
        query.append(query.isEmpty() ? "" : "&").append("$skiptoken=").append(SkipToken.encode(token.render()));
        return base + path + "?" + query;
    }

    private Integer maxPageSize() {
        String prefer = request.header("Prefer");
        if (prefer == null) return null;
        Matcher m = MAX_PAGE_SIZE.matcher(prefer);
        if (!m.find()) return null;
        int size = Integer.parseInt(m.group(1));
        return size <= 0 ? null : Math.min(size, 5000);
    }

    private boolean prefers(String preference) {
        String prefer = request.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains(preference);
    }

    private RecordReader reader(EntityMetadata e) {
        return new RecordReader(engine.deployment().organization(organization).metadata(), e);
    }

    private JsonNode body() {
        byte[] bytes = request.body();
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        return JSON.readTree(bytes);
    }
}
