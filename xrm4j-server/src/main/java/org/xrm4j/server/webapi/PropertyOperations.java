package org.xrm4j.server.webapi;

import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One column of one record as a resource ({@code accounts(<id>)/name}): GET answers
 * {@code {"@odata.context":…,"value":…}} (204 when the column is empty), {@code /$value} the raw value as plain
 * text, PUT {@code {"value":…}} writes it and DELETE empties it, both as an Update of that column.
 */
final class PropertyOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    PropertyOperations(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** The column a path segment names: its logical name, or {@code _x_value} for a lookup; {@code null} when none. */
    static AttributeMetadata column(EntityMetadata e, String segment) {
        AttributeMetadata a = e.attribute(segment);
        if (a != null && !a.type().isLookup()) return a;
        if (segment.startsWith("_") && segment.endsWith("_value") && segment.length() > 7) {
            AttributeMetadata lookup = e.attribute(segment.substring(1, segment.length() - 6));
            if (lookup != null && lookup.type().isLookup()) return lookup;
        }
        return null;
    }

    Operation read(EntityMetadata e, RecordKey key, AttributeMetadata a, boolean rawValue) {
        RetrieveRequest retrieve = new RetrieveRequest(key.reference(e), new ColumnSet(a.logicalName()));
        return new Operation(List.of(retrieve), responses -> {
            Entity record = (Entity) responses.getFirst().get("Entity");
            JsonNode value = RecordRenderer.render(e, record, List.of(a.logicalName())).get(RecordRenderer.jsonName(a));
            if (value == null || value.isNull()) return WebApiResponse.empty(204);
            if (rawValue) return WebApiResponse.text(200, value.isString() ? value.asString() : value.toString());
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", base + "$metadata#" + key.address(e) + "/" + RecordRenderer.jsonName(a));
            o.set("value", value);
            return WebApiResponse.json(200, o.toString());
        }, key.address(e));
    }

    /** PUT: the body's {@code value} into the column. */
    Operation write(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        if (a.type().isLookup()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The lookup " + a.logicalName() + " is set through its navigation"
                    + " property: PUT " + e.entitySetName() + "(…)/" + a.logicalName() + "/$ref with {\"@odata.id\":…}.");
        }
        byte[] bytes = request.body();
        JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
        if (body == null || !body.isObject() || !body.has("value")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A PUT to the property " + a.logicalName() + " needs the body"
                    + " {\"value\": <new value>}.");
        }
        ObjectNode one = JsonNodeFactory.instance.objectNode();
        one.set(a.logicalName(), body.get("value"));
        return update(e, key, new RecordReader(metadata, e).read(one, key.id()));
    }

    /** DELETE: empties the column. */
    Operation clear(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        return update(e, key, new Entity(e.logicalName(), key.id()).set(a.logicalName(), null));
    }

    private Operation update(EntityMetadata e, RecordKey key, Entity record) {
        return new Operation(List.of(new UpdateRequest(key.apply(record))), responses -> WebApiResponse.empty(204), key.address(e));
    }
}
