package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a record in the Web API's JSON forms: lookups as {@code _x_value} holding the id, money and numbers as JSON
 * numbers, choices as integers, date-times as ISO-8601 in UTC without fractions (clients turn only that form into
 * dates), and {@code @odata.etag} as {@code W/"versionnumber"}. Every requested column appears, {@code null} when the
 * record has no value, because Dataverse answers that way.
 */
final class RecordRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordRenderer() {}

    /** The columns to render: the selected ones, or every column of the table. */
    static List<String> columns(EntityMetadata e, List<String> selected) {
        if (selected != null) return selected;
        return new ArrayList<>(e.attributes().keySet());
    }

    static ObjectNode render(EntityMetadata e, Entity record, List<String> columns) {
        ObjectNode o = NODES.objectNode();
        Object version = record.get("versionnumber");
        if (version != null) o.put("@odata.etag", "W/\"" + version + "\"");
        for (String column : columns) {
            AttributeMetadata a = e.attribute(column);
            if (a == null) continue;
            put(o, a, record.get(column));
        }
        UUID id = record.id() != null ? record.id() : record.get(e.primaryIdAttribute()) instanceof UUID u ? u : null;
        o.put(e.primaryIdAttribute(), id == null ? null : id.toString());
        return o;
    }

    /** The JSON name of a column: lookups travel as {@code _x_value}. */
    static String jsonName(AttributeMetadata a) {
        return a.type().isLookup() ? "_" + a.logicalName() + "_value" : a.logicalName();
    }

    private static void put(ObjectNode o, AttributeMetadata a, Object value) {
        String name = jsonName(a);
        switch (value) {
            case null -> o.putNull(name);
            case EntityReference r -> o.put(name, r.id() == null ? null : r.id().toString());
            case Money m -> o.put(name, m.value());
            case BigDecimal d -> o.put(name, d);
            case OptionSetValue v -> o.put(name, v.value());
            case OptionSetValueCollection c -> o.put(name, String.join(",", c.values().stream().map(v -> String.valueOf(v.value())).toList()));
            case Integer i -> o.put(name, i);
            case Long l -> o.put(name, l);
            case Double d -> o.put(name, d);
            case Boolean b -> o.put(name, b);
            case Instant t -> o.put(name, t.truncatedTo(ChronoUnit.SECONDS).toString());
            default -> o.put(name, value.toString());
        }
    }
}
