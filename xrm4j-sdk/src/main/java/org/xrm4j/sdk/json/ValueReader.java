package org.xrm4j.sdk.json;

import static org.xrm4j.sdk.json.JsonFields.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.PrivilegeDepth;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.RolePrivilege;
import org.xrm4j.sdk.query.FetchExpression;
import tools.jackson.databind.JsonNode;

/**
 * Decodes one value of the protocol's Values table from a JSON tree. Plain JSON strings, booleans and Int32 numbers
 * map directly; every other value is an object whose {@code "$type"} picks the decoder. Single-value types live in
 * {@link ScalarReader}, query shapes in {@link QueryReader} and envelopes (nested requests, responses, faults) in
 * {@link MessageReader}.
 *
 * <p>Reading is a little more lenient than writing where no information can be lost: a Long, Money or Decimal may
 * arrive as an integral JSON number, a DateTime with an offset (converted to UTC), without one (taken as UTC) or
 * with fractional seconds, a Double as "NaN" or "Infinity". It is strict where a guess could change the data: a bare
 * number outside Int32 or with a fraction is rejected rather than widened, and so is a fractional Decimal number.
 *
 * <p>{@link StreamingValueReader} reads the everyday types of request bodies without a tree by the same rules: a rule
 * changed here must change there (a body it does not cover falls back here; StreamingRequestReaderTest compares both).
 */
final class ValueReader {
    private static final UUID EMPTY_GUID = new UUID(0, 0);

    private ValueReader() {}

    static Object read(JsonNode n) {
        if (n == null) return null;
        return switch (n.getNodeType()) {
            case STRING -> n.stringValue();
            case BOOLEAN -> n.booleanValue();
            case NULL, MISSING -> null;
            case NUMBER -> ScalarReader.bareNumber(n);
            case ARRAY -> list(n);
            case OBJECT -> tagged(n);
            default -> throw new JsonDecodeException("Unsupported JSON value " + JsonFields.describe(n));
        };
    }

    /** The property {@code name} of {@code object} as a value; absent reads as null. */
    static Object read(JsonNode object, String name) {
        try {
            return read(object.get(name));
        } catch (JsonDecodeException e) {
            throw e.at(name);
        }
    }

    /** A JSON object of values (Parameters, Results, Attributes, ErrorDetails) in document order. */
    static Map<String, Object> map(JsonNode object, String name) {
        JsonNode n = JsonFields.object(object, name);
        if (n == null) return new LinkedHashMap<>();
        Map<String, Object> out = LinkedHashMap.newLinkedHashMap(n.size());
        try {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                out.put(e.getKey(), read(n, e.getKey()));
            }
        } catch (JsonDecodeException e) {
            throw e.at(name);
        }
        return out;
    }

    static List<Object> list(JsonNode array) {
        List<Object> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(read(array.get(i)));
            } catch (JsonDecodeException e) {
                throw e.at(i);
            }
        }
        return out;
    }

    private static Object tagged(JsonNode o) {
        JsonNode t = o.get("$type");
        if (t == null || !t.isString()) {
            throw new JsonDecodeException("An object value needs a \"$type\"",
                    "Tag it with its SDK type, e.g. {\"$type\":\"Money\",\"Value\":\"12.50\"}.");
        }
        String type = t.stringValue();
        return switch (type) {
            case "Guid" -> JsonFields.guidValue(required(o, "Value", "Guid"), "Value");
            case "EntityReference" -> entityReference(o);
            case "OptionSetValue" -> new OptionSetValue(JsonFields.requiredInt32(o, "Value", "OptionSetValue"));
            case "Money" -> new Money(ScalarReader.decimal(required(o, "Value", "Money")));
            case "DateTime" -> ScalarReader.dateTime(required(o, "Value", "DateTime"));
            case "Long" -> ScalarReader.longValue(required(o, "Value", "Long"));
            case "Double" -> ScalarReader.doubleValue(required(o, "Value", "Double"));
            case "Decimal" -> ScalarReader.decimal(required(o, "Value", "Decimal"));
            case "Binary" -> ScalarReader.binary(required(o, "Value", "Binary"));
            case "TimeSpan" -> ScalarReader.timeSpan(required(o, "Value", "TimeSpan"));
            case "Entity" -> entity(o);
            case "EntityCollection" -> entityCollection(o);
            case "EntityReferenceCollection" -> entityReferenceCollection(o);
            case "OptionSetValueCollection" -> optionSetValueCollection(o);
            case "AliasedValue" -> new AliasedValue(JsonFields.string(o, "EntityLogicalName"),
                    JsonFields.string(o, "AttributeLogicalName"), read(o, "Value"));
            case "Relationship" -> new Relationship(JsonFields.requiredString(o, "SchemaName", "Relationship"));
            case "FetchExpression" -> new FetchExpression(JsonFields.requiredString(o, "Query", "FetchExpression"));
            case "ColumnSet" -> QueryReader.columnSet(o);
            case "QueryExpression" -> QueryReader.queryExpression(o);
            case "QueryByAttribute" -> QueryReader.queryByAttribute(o);
            case "FilterExpression" -> QueryReader.filter(o);
            case "ConditionExpression" -> QueryReader.condition(o);
            case "LinkEntity" -> QueryReader.linkEntity(o);
            case "OrganizationRequest" -> MessageReader.request(o);
            case "OrganizationResponse" -> MessageReader.response(o);
            case "ExecuteMultipleSettings" -> new ExecuteMultipleSettings(JsonFields.bool(o, "ContinueOnError", false),
                    JsonFields.bool(o, "ReturnResponses", false));
            case "ExecuteMultipleResponseItem" -> MessageReader.responseItem(o);
            case "RolePrivilege" -> rolePrivilege(o);
            default -> throw new JsonDecodeException("Unknown $type '" + type + "'");
        };
    }

    /**
     * Checks the optional tag of an object in a position whose type is fixed (an element of Entities, say): untagged
     * is fine, a different tag is a mistake worth reporting.
     */
    static void expectType(JsonNode o, String type) {
        if (!o.isObject()) throw new JsonDecodeException("Expected " + type + ", not " + JsonFields.describe(o));
        JsonNode t = o.get("$type");
        if (t != null && !(t.isString() && t.stringValue().equals(type))) {
            throw new JsonDecodeException("Expected " + type + ", not $type " + t);
        }
    }

    private static RolePrivilege rolePrivilege(JsonNode o) {
        String depth = JsonFields.requiredString(o, "Depth", "RolePrivilege");
        try {
            return new RolePrivilege(PrivilegeDepth.valueOf(depth), JsonFields.guid(o, "PrivilegeId"), JsonFields.guid(o, "BusinessUnitId"),
                    JsonFields.string(o, "PrivilegeName"));
        } catch (IllegalArgumentException e) {
            throw new JsonDecodeException("Unknown privilege Depth '" + depth + "': use Basic, Local, Deep or Global");
        }
    }

    static EntityReference entityReference(JsonNode o) {
        return new EntityReference(JsonFields.requiredString(o, "LogicalName", "EntityReference"), recordId(o),
                JsonFields.string(o, "Name"), JsonFields.string(o, "RowVersion"), map(o, "KeyAttributes"));
    }

    static Entity entity(JsonNode o) {
        Entity e = new Entity(JsonFields.requiredString(o, "LogicalName", "Entity"), recordId(o));
        e.rowVersion(JsonFields.string(o, "RowVersion"));
        e.keyAttributes().putAll(map(o, "KeyAttributes"));
        e.attributes().putAll(map(o, "Attributes"));
        JsonNode formatted = JsonFields.object(o, "FormattedValues");
        if (formatted != null) {
            for (Map.Entry<String, JsonNode> f : formatted.properties()) {
                if (!f.getValue().isString()) {
                    throw JsonFields.wrongType(f.getKey(), "a string", f.getValue()).at("FormattedValues");
                }
                e.formattedValues().put(f.getKey(), f.getValue().stringValue());
            }
        }
        return e;
    }

    /** A record's Id; the SDK's Guid.Empty, which .NET callers send for "no id yet", reads as the model's null. */
    private static UUID recordId(JsonNode o) {
        return recordId(JsonFields.guid(o, "Id"));
    }

    static UUID recordId(UUID id) {
        return EMPTY_GUID.equals(id) ? null : id;
    }

    private static EntityCollection entityCollection(JsonNode o) {
        EntityCollection c = new EntityCollection();
        c.entityName(JsonFields.string(o, "EntityName"));
        JsonNode entities = JsonFields.array(o, "Entities");
        if (entities != null) {
            for (int i = 0; i < entities.size(); i++) {
                try {
                    JsonNode e = entities.get(i);
                    expectType(e, "Entity");
                    c.entities().add(entity(e));
                } catch (JsonDecodeException x) {
                    throw x.at(i).at("Entities");
                }
            }
        }
        return c.moreRecords(JsonFields.bool(o, "MoreRecords", false))
                .pagingCookie(JsonFields.string(o, "PagingCookie"))
                .totalRecordCount(JsonFields.int32(o, "TotalRecordCount", -1))
                .totalRecordCountLimitExceeded(JsonFields.bool(o, "TotalRecordCountLimitExceeded", false));
    }

    private static EntityReferenceCollection entityReferenceCollection(JsonNode o) {
        JsonNode values = JsonFields.array(o, "Value");
        List<EntityReference> refs = new ArrayList<>(values == null ? 0 : values.size());
        for (int i = 0; values != null && i < values.size(); i++) {
            try {
                JsonNode r = values.get(i);
                expectType(r, "EntityReference");
                refs.add(entityReference(r));
            } catch (JsonDecodeException x) {
                throw x.at(i).at("Value");
            }
        }
        return new EntityReferenceCollection(refs);
    }

    private static OptionSetValueCollection optionSetValueCollection(JsonNode o) {
        JsonNode values = JsonFields.array(o, "Value");
        List<OptionSetValue> out = new ArrayList<>(values == null ? 0 : values.size());
        for (int i = 0; values != null && i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (!v.isInt()) {
                throw new JsonDecodeException("Expected an Int32 option value, not " + JsonFields.describe(v))
                        .at(i).at("Value");
            }
            out.add(new OptionSetValue(v.intValue()));
        }
        return new OptionSetValueCollection(out);
    }
}
