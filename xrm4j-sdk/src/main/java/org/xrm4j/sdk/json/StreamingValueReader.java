package org.xrm4j.sdk.json;

import static org.xrm4j.sdk.json.StreamingRequestReader.bool;
import static org.xrm4j.sdk.json.StreamingRequestReader.int32;
import static org.xrm4j.sdk.json.StreamingRequestReader.once;
import static org.xrm4j.sdk.json.StreamingRequestReader.requiredString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.json.StreamingRequestReader.NotOnFastPath;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One value of the Values table from the token stream, for {@link StreamingRequestReader}: what {@link ValueReader}
 * reads from a tree, for the everyday types. A tagged object must carry its {@code $type} first (every writer of the
 * protocol puts it there); single-value types must hold exactly their {@code Value}. Anything else is
 * {@link NotOnFastPath}. Records (Entity, EntityReference, EntityCollection) are read by {@link StreamingRecordReader}.
 *
 * <p>Each method takes the value's first token, already read, and leaves the parser on the value's last token.
 */
final class StreamingValueReader {
    private StreamingValueReader() {}

    static Object value(JsonParser p, JsonToken t) {
        if (t == null) throw NotOnFastPath.INSTANCE;
        return switch (t) {
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> int32(p, t); // a bare number is an Int32; any other is the tree's error
            case START_ARRAY -> list(p);
            case START_OBJECT -> tagged(p);
            default -> throw NotOnFastPath.INSTANCE;
        };
    }

    /** A JSON object of values (Parameters, Attributes, ...) in document order; JSON null reads as {@code null}. */
    static Map<String, Object> mapOrNull(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        fill(p, t, out);
        return out;
    }

    /** Adds a JSON object of values to {@code into}; JSON null adds nothing. */
    static void fill(JsonParser p, JsonToken t, Map<String, Object> into) {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_OBJECT) throw NotOnFastPath.INSTANCE;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            int before = into.size();
            into.put(key, value(p, p.nextToken()));
            if (into.size() == before) throw NotOnFastPath.INSTANCE; // a duplicate key
        }
    }

    private static List<Object> list(JsonParser p) {
        List<Object> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) out.add(value(p, t));
        return out;
    }

    private static Object tagged(JsonParser p) {
        if (!"$type".equals(p.nextName()) || p.nextToken() != JsonToken.VALUE_STRING) throw NotOnFastPath.INSTANCE;
        return switch (p.getString()) {
            case "Entity" -> StreamingRecordReader.entity(p, true);
            case "EntityReference" -> StreamingRecordReader.entityReference(p);
            case "OptionSetValue" -> closed(p, new OptionSetValue(int32(p, valueToken(p))));
            case "Money" -> closed(p, new Money(decimal(p, valueToken(p))));
            case "Guid" -> closed(p, JsonFields.parseGuid(requiredString(p, valueToken(p)), "Value"));
            case "DateTime" -> closed(p, ScalarReader.dateTimeText(requiredString(p, valueToken(p))));
            case "Long" -> closed(p, longValue(p, valueToken(p)));
            case "Double" -> closed(p, doubleValue(p, valueToken(p)));
            case "Decimal" -> closed(p, decimal(p, valueToken(p)));
            case "Binary" -> closed(p, ScalarReader.binaryText(requiredString(p, valueToken(p))));
            case "TimeSpan" -> closed(p, ScalarReader.timeSpanText(requiredString(p, valueToken(p))));
            case "OptionSetValueCollection" -> closed(p, optionSetValues(p, valueToken(p)));
            case "EntityCollection" -> StreamingRecordReader.entityCollection(p);
            case "OrganizationRequest" -> StreamingRequestReader.request(p);
            case "ExecuteMultipleSettings" -> settings(p);
            default -> throw NotOnFastPath.INSTANCE; // queries, responses, other collections...: the tree reads them
        };
    }

    /** The token of a single-value type's {@code "Value"}, which must come right after the tag. */
    private static JsonToken valueToken(JsonParser p) {
        if (!"Value".equals(p.nextName())) throw NotOnFastPath.INSTANCE;
        return p.nextToken();
    }

    /** The decoded value, once the object ends right after it (no duplicate, no other property). */
    private static <T> T closed(JsonParser p, T value) {
        if (p.nextToken() != JsonToken.END_OBJECT) throw NotOnFastPath.INSTANCE;
        return value;
    }

    /** As {@link ScalarReader#longValue}: digits in a string, or an integral number within Int64. */
    private static Long longValue(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) return ScalarReader.longText(p.getString());
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        throw NotOnFastPath.INSTANCE;
    }

    /** As {@link ScalarReader#doubleValue}, converting each kind of JSON number as the tree's node for it does. */
    private static Double doubleValue(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> (double) p.getIntValue();
                case LONG -> (double) p.getLongValue();
                default -> p.getBigIntegerValue().doubleValue();
            };
            case VALUE_STRING -> ScalarReader.doubleText(p.getString());
            default -> throw NotOnFastPath.INSTANCE;
        };
    }

    /** As {@link ScalarReader#decimal}: a string, or an integral number; a fractional number is the tree's error. */
    private static BigDecimal decimal(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) return ScalarReader.decimalText(p.getString());
        if (t == JsonToken.VALUE_NUMBER_INT) return new BigDecimal(p.getBigIntegerValue());
        throw NotOnFastPath.INSTANCE;
    }

    /** A multi-select value: an array of Int32 numbers, JSON null reading as none, as the tree reads it. */
    private static OptionSetValueCollection optionSetValues(JsonParser p, JsonToken t) {
        List<OptionSetValue> out = new ArrayList<>();
        if (t == JsonToken.VALUE_NULL) return new OptionSetValueCollection(out);
        if (t != JsonToken.START_ARRAY) throw NotOnFastPath.INSTANCE;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            out.add(new OptionSetValue(int32(p, e)));
        }
        return new OptionSetValueCollection(out);
    }

    private static ExecuteMultipleSettings settings(JsonParser p) {
        boolean continueOnError = false;
        boolean returnResponses = false;
        int seen = 0;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "ContinueOnError" -> {
                    seen = once(seen, 1);
                    continueOnError = bool(t);
                }
                case "ReturnResponses" -> {
                    seen = once(seen, 2);
                    returnResponses = bool(t);
                }
                default -> throw NotOnFastPath.INSTANCE;
            }
        }
        return new ExecuteMultipleSettings(continueOnError, returnResponses);
    }
}
