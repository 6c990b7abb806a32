package org.xrm4j.sdk.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.Messages;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * The fast path of {@link SdkJson#readRequest(byte[])}: decodes a request body from the token stream straight into
 * the model, with no tree, for the shapes a bulk load sends (an ExecuteMultiple of Creates, say). The tree costs a
 * node per value and a map per object before any model object exists; here each value is built once.
 *
 * <p>This reader never reports an error. Whatever it does not cover or finds irregular — a property it does not
 * know, a {@code $type} that is not the first property of its object, a {@code $type} it does not cover (queries,
 * responses, ...), a duplicate key, a wrong JSON type, a value the conversions refuse, malformed JSON, trailing
 * content — makes it give up ({@link NotOnFastPath}), and {@link SdkJson} decodes the body again with the tree
 * reader, whose result or fault is the authoritative one. Bad bodies are rare, so reading them twice costs little,
 * and the faults stay exactly the tree reader's. On the bodies it accepts it follows the tree reader's rules: the
 * same conversions ({@link ScalarReader}, {@link JsonFields#parseGuid}), defaults and document order.
 *
 * <p>Unknown properties, which the tree reader ignores, send the body back to the tree as well: skipping them here
 * would also skip the duplicate-key check the tree applies inside them.
 */
final class StreamingRequestReader {
    private StreamingRequestReader() {}

    /** The request the body holds, or {@code null} when it is not on the fast path. */
    static OrganizationRequest read(ObjectMapper mapper, byte[] json) {
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            OrganizationRequest r = request(p);
            return p.nextToken() == null ? r : null;
        } catch (RuntimeException e) {
            // NotOnFastPath, a JsonDecodeException of a shared conversion, any JacksonException: the tree decides.
            return null;
        }
    }

    /**
     * The envelope after its {@code {} (and, nested, after its tag): what {@link MessageReader#request} reads.
     * Leaves the parser on the closing brace.
     */
    static OrganizationRequest request(JsonParser p) {
        String name = null;
        Map<String, Object> parameters = null;
        UUID id = null;
        int seen = 0;
        for (String key = p.nextName(); key != null; key = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "RequestName" -> {
                    seen = once(seen, 1);
                    name = requiredString(p, t);
                }
                case "Parameters" -> {
                    seen = once(seen, 2);
                    parameters = StreamingValueReader.mapOrNull(p, t);
                }
                case "RequestId" -> {
                    seen = once(seen, 4);
                    id = guid(p, t, "RequestId");
                }
                default -> throw NotOnFastPath.INSTANCE;
            }
        }
        if (name == null) throw NotOnFastPath.INSTANCE;
        return Messages.request(name, parameters == null ? new LinkedHashMap<>() : parameters).requestId(id);
    }

    /** Marks a property as read; a second one of the same name is a duplicate key, which the tree rejects. */
    static int once(int seen, int bit) {
        if ((seen & bit) != 0) throw NotOnFastPath.INSTANCE;
        return seen | bit;
    }

    /** A string that must be there: absent, null or another JSON type is the tree's error. */
    static String requiredString(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) throw NotOnFastPath.INSTANCE;
        return p.getString();
    }

    /** An optional string, as {@link JsonFields#string}: JSON null reads as absent. */
    static String string(JsonParser p, JsonToken t) {
        return t == JsonToken.VALUE_NULL ? null : requiredString(p, t);
    }

    /** An optional guid, as {@link JsonFields#guid}. */
    static UUID guid(JsonParser p, JsonToken t, String name) {
        return t == JsonToken.VALUE_NULL ? null : JsonFields.parseGuid(requiredString(p, t), name);
    }

    /** An optional boolean, as {@link JsonFields#bool} with {@code false} when absent. */
    static boolean bool(JsonToken t) {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw NotOnFastPath.INSTANCE;
        };
    }

    /** An Int32 JSON number, the only one {@link JsonFields#int32Value} takes. */
    static int int32(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw NotOnFastPath.INSTANCE;
        return p.getIntValue();
    }

    /** The body leaves the fast path; a shared instance without a stack trace, since it is control flow. */
    static final class NotOnFastPath extends RuntimeException {
        static final NotOnFastPath INSTANCE = new NotOnFastPath();

        private NotOnFastPath() { super("not on the fast path", null, false, false); }
    }
}
