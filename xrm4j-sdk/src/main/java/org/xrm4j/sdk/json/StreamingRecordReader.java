package org.xrm4j.sdk.json;

import static org.xrm4j.sdk.json.StreamingRequestReader.bool;
import static org.xrm4j.sdk.json.StreamingRequestReader.guid;
import static org.xrm4j.sdk.json.StreamingRequestReader.int32;
import static org.xrm4j.sdk.json.StreamingRequestReader.once;
import static org.xrm4j.sdk.json.StreamingRequestReader.requiredString;
import static org.xrm4j.sdk.json.StreamingRequestReader.string;

import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.json.StreamingRequestReader.NotOnFastPath;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Entity, EntityReference and EntityCollection from the token stream, for {@link StreamingValueReader}: the fields
 * and rules of {@link ValueReader}'s readers for them, an empty Guid as a record id reading as no id among them.
 * Each starts after the object's tag and leaves the parser on its closing brace.
 */
final class StreamingRecordReader {
    private static final int TYPE = 1;

    private StreamingRecordReader() {}

    /**
     * An Entity; {@code tagged} when its {@code $type} was read already. An untagged one (an element of Entities)
     * may carry the tag anywhere, as long as it says Entity.
     */
    static Entity entity(JsonParser p, boolean tagged) {
        // The model requires a logical name; it may come after the attributes, which go straight into the record.
        Entity e = new Entity("");
        String logicalName = null;
        int seen = tagged ? TYPE : 0;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "LogicalName" -> {
                    seen = once(seen, 2);
                    logicalName = requiredString(p, t);
                }
                case "Id" -> {
                    seen = once(seen, 4);
                    e.id(ValueReader.recordId(guid(p, t, "Id")));
                }
                case "RowVersion" -> {
                    seen = once(seen, 8);
                    e.rowVersion(string(p, t));
                }
                case "KeyAttributes" -> {
                    seen = once(seen, 16);
                    StreamingValueReader.fill(p, t, e.keyAttributes());
                }
                case "Attributes" -> {
                    seen = once(seen, 32);
                    StreamingValueReader.fill(p, t, e.attributes());
                }
                case "FormattedValues" -> {
                    seen = once(seen, 64);
                    formattedValues(p, t, e.formattedValues());
                }
                case "$type" -> {
                    seen = once(seen, TYPE);
                    if (!"Entity".equals(requiredString(p, t))) throw NotOnFastPath.INSTANCE;
                }
                default -> throw NotOnFastPath.INSTANCE;
            }
        }
        if (logicalName == null) throw NotOnFastPath.INSTANCE;
        return e.logicalName(logicalName);
    }

    private static void formattedValues(JsonParser p, JsonToken t, Map<String, String> into) {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_OBJECT) throw NotOnFastPath.INSTANCE;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            int before = into.size();
            into.put(key, requiredString(p, p.nextToken()));
            if (into.size() == before) throw NotOnFastPath.INSTANCE;
        }
    }

    static EntityReference entityReference(JsonParser p) {
        String logicalName = null;
        UUID id = null;
        String name = null;
        String rowVersion = null;
        Map<String, Object> keyAttributes = null;
        int seen = TYPE;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "LogicalName" -> {
                    seen = once(seen, 2);
                    logicalName = requiredString(p, t);
                }
                case "Id" -> {
                    seen = once(seen, 4);
                    id = ValueReader.recordId(guid(p, t, "Id"));
                }
                case "Name" -> {
                    seen = once(seen, 8);
                    name = string(p, t);
                }
                case "RowVersion" -> {
                    seen = once(seen, 16);
                    rowVersion = string(p, t);
                }
                case "KeyAttributes" -> {
                    seen = once(seen, 32);
                    keyAttributes = StreamingValueReader.mapOrNull(p, t);
                }
                default -> throw NotOnFastPath.INSTANCE;
            }
        }
        if (logicalName == null) throw NotOnFastPath.INSTANCE;
        return new EntityReference(logicalName, id, name, rowVersion, keyAttributes == null ? Map.of() : keyAttributes);
    }

    static EntityCollection entityCollection(JsonParser p) {
        EntityCollection c = new EntityCollection();
        int seen = TYPE;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "EntityName" -> {
                    seen = once(seen, 2);
                    c.entityName(string(p, t));
                }
                case "Entities" -> {
                    seen = once(seen, 4);
                    entities(p, t, c);
                }
                case "MoreRecords" -> {
                    seen = once(seen, 8);
                    c.moreRecords(bool(t));
                }
                case "PagingCookie" -> {
                    seen = once(seen, 16);
                    c.pagingCookie(string(p, t));
                }
                case "TotalRecordCount" -> {
                    seen = once(seen, 32);
                    c.totalRecordCount(t == JsonToken.VALUE_NULL ? -1 : int32(p, t));
                }
                case "TotalRecordCountLimitExceeded" -> {
                    seen = once(seen, 64);
                    c.totalRecordCountLimitExceeded(bool(t));
                }
                default -> throw NotOnFastPath.INSTANCE;
            }
        }
        return c;
    }

    private static void entities(JsonParser p, JsonToken t, EntityCollection into) {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_ARRAY) throw NotOnFastPath.INSTANCE;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) throw NotOnFastPath.INSTANCE;
            into.entities().add(entity(p, false));
        }
    }
}
