package org.xrm4j.sdk.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the properties of a JSON object, failing with a {@link JsonDecodeException} that names the
 * property. A missing property and an explicit {@code null} are treated alike: callers can omit optional fields.
 */
final class JsonFields {
    private JsonFields() {}

    /** The property, or {@code null} when it is absent or JSON null. */
    static JsonNode get(JsonNode object, String name) {
        JsonNode n = object.get(name);
        return n == null || n.isNull() ? null : n;
    }

    static JsonNode required(JsonNode object, String name, String owner) {
        JsonNode n = get(object, name);
        if (n == null) throw new JsonDecodeException(owner + " has no \"" + name + "\"");
        return n;
    }

    static String string(JsonNode object, String name) {
        JsonNode n = get(object, name);
        if (n == null) return null;
        if (!n.isString()) throw wrongType(name, "a string", n);
        return n.stringValue();
    }

    static String requiredString(JsonNode object, String name, String owner) {
        JsonNode n = required(object, name, owner);
        if (!n.isString()) throw wrongType(name, "a string", n);
        return n.stringValue();
    }

    static boolean bool(JsonNode object, String name, boolean absent) {
        JsonNode n = get(object, name);
        if (n == null) return absent;
        if (!n.isBoolean()) throw wrongType(name, "true or false", n);
        return n.booleanValue();
    }

    static int int32(JsonNode object, String name, int absent) {
        JsonNode n = get(object, name);
        return n == null ? absent : int32Value(n, name);
    }

    static Integer optionalInt32(JsonNode object, String name) {
        JsonNode n = get(object, name);
        return n == null ? null : int32Value(n, name);
    }

    static int requiredInt32(JsonNode object, String name, String owner) {
        return int32Value(required(object, name, owner), name);
    }

    static int int32Value(JsonNode n, String name) {
        if (!n.isInt()) throw wrongType(name, "an integral number in the Int32 range", n);
        return n.intValue();
    }

    static UUID guid(JsonNode object, String name) {
        JsonNode n = get(object, name);
        return n == null ? null : guidValue(n, name);
    }

    static UUID guidValue(JsonNode n, String name) {
        if (!n.isString()) throw wrongType(name, "a guid string", n);
        return parseGuid(n.stringValue(), name);
    }

    /** Only the 36-character form: UUID.fromString alone would also take "1-2-3-4-5". */
    static UUID parseGuid(String s, String name) {
        if (s.length() == 36) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                // falls through to the fault below
            }
        }
        throw new JsonDecodeException("'" + s + "' is not a guid", "Write it as 0f8fad5b-d9cb-469f-a165-70867728950e.")
                .at(name);
    }

    static <E extends Enum<E>> E enumValue(JsonNode object, String name, Class<E> type, E absent) {
        String s = string(object, name);
        if (s == null) return absent;
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            E[] all = type.getEnumConstants();
            String expected = all.length <= 8 ? "one of " + Arrays.toString(all) : "a " + type.getSimpleName() + " name";
            throw new JsonDecodeException("'" + s + "' is not " + expected, "Names are case-sensitive.").at(name);
        }
    }

    /** A JSON array of strings; absent or null reads as an empty list. */
    static List<String> strings(JsonNode object, String name) {
        JsonNode n = get(object, name);
        if (n == null) return List.of();
        if (!n.isArray()) throw wrongType(name, "an array of strings", n);
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isString()) throw wrongType(name, "an array of strings", e);
            out.add(e.stringValue());
        }
        return out;
    }

    /** The property as a JSON array, or {@code null} when absent. */
    static JsonNode array(JsonNode object, String name) {
        JsonNode n = get(object, name);
        if (n != null && !n.isArray()) throw wrongType(name, "an array", n);
        return n;
    }

    /** The property as a JSON object, or {@code null} when absent. */
    static JsonNode object(JsonNode object, String name) {
        JsonNode n = get(object, name);
        if (n != null && !n.isObject()) throw wrongType(name, "an object", n);
        return n;
    }

    static JsonDecodeException wrongType(String name, String expected, JsonNode actual) {
        return wrongType(name, expected, describe(actual));
    }

    /** As {@link #wrongType(String, String, JsonNode)}, with what was found already described. */
    static JsonDecodeException wrongType(String name, String expected, String found) {
        return new JsonDecodeException("Expected " + expected + ", not " + found).at(name);
    }

    /** A short, safe rendering of what was found, for messages. */
    static String describe(JsonNode n) {
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isString()) return describeString(n.stringValue());
        String text = n.toString();
        return (n.isNumber() ? "the number " : "") + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    /** How {@link #describe(JsonNode)} renders a JSON string, for the readers that hold only its text. */
    static String describeString(String s) {
        return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
