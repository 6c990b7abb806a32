package org.xrm4j.sdk.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON codec of the SDK protocol ({@code spec/sdk-protocol.md}): request and response envelopes, fault bodies and
 * every value of the protocol's Values table. The server, the Java client and the CLI all go through this class, so
 * the wire format is defined once.
 *
 * <p>All methods are static and thread-safe; the class holds one immutable, shared {@link JsonMapper}.
 *
 * <p><b>Writing</b> streams straight to a {@link JsonGenerator}: no intermediate tree, one buffer. A value whose Java
 * type has no encoding is a programming error and throws {@link IllegalArgumentException}.
 *
 * <p><b>Reading</b> a request body takes a streaming fast path first ({@link StreamingRequestReader}): the model is
 * built straight from the tokens when the body has the everyday shapes with each {@code $type} first, as every writer
 * of the protocol sends them, which more than halves what decoding a bulk load allocates. Every other body, and every
 * bad one, is read into a Jackson tree first and decoded from it; the tree is what makes {@code $type}
 * order-independent (a JSON object's properties may come in any order). Results and faults are always the tree
 * reader's. Responses, faults and single values are read from the tree. Every problem with the input — malformed
 * JSON, an unknown {@code $type}, a wrong field type, a bare number that is not an Int32 — is the caller's error and
 * surfaces as a {@link FaultException} with {@link ErrorCodes#InvalidArgument} whose message names the place
 * ({@code Parameters.Target.Attributes.revenue}). Unknown properties are ignored, so peers may add fields as the
 * protocol allows.
 *
 * <p>Caveats: string values have no length limit here (a solution file travels as one base64 string), so the
 * transport must cap the body size. Nesting is capped by Jackson's default depth limit, which also bounds recursion.
 */
public final class SdkJson {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private SdkJson() {}

    /** Decodes a request body; the request is typed by its name (a Create reads as a {@code CreateRequest}). */
    public static OrganizationRequest readRequest(byte[] json) {
        OrganizationRequest fast = readRequestStreaming(json);
        return fast != null ? fast : readRequestByTree(json);
    }

    /** As {@link #readRequest(byte[])}, reading the body from a stream (not closed). */
    public static OrganizationRequest readRequest(InputStream json) {
        try {
            return readRequest(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request by the streaming fast path, or {@code null} when the body is not on it. */
    static OrganizationRequest readRequestStreaming(byte[] json) {
        return StreamingRequestReader.read(MAPPER, json);
    }

    /** The request by the tree reader, which decodes every body and words every fault. */
    static OrganizationRequest readRequestByTree(byte[] json) {
        return decode(parse(json, "request body"), "request body", MessageReader::request);
    }

    public static byte[] writeRequest(OrganizationRequest request) {
        return write(g -> MessageWriter.request(g, request, false));
    }

    public static void writeRequest(OrganizationRequest request, OutputStream out) {
        write(out, g -> MessageWriter.request(g, request, false));
    }

    /** Decodes a success body; the response is typed by its name (a Create reads as a {@code CreateResponse}). */
    public static OrganizationResponse readResponse(byte[] json) {
        return decode(parse(json, "response body"), "response body", MessageReader::response);
    }

    public static byte[] writeResponse(OrganizationResponse response) {
        return write(g -> MessageWriter.response(g, response, false));
    }

    public static void writeResponse(OrganizationResponse response, OutputStream out) {
        write(out, g -> MessageWriter.response(g, response, false));
    }

    /**
     * Decodes a fault body {@code {"Fault": <fault>}}. It comes back as an {@code ExecuteTransactionFault} when the
     * fault carries a FaultedRequestIndex.
     */
    public static OrganizationServiceFault readFault(byte[] body) {
        return decode(parse(body, "fault body"), "fault body", root -> {
            JsonNode fault = JsonFields.object(root, "Fault");
            if (fault == null) throw new JsonDecodeException("The fault body has no \"Fault\" object");
            try {
                return MessageReader.fault(fault);
            } catch (JsonDecodeException e) {
                throw e.at("Fault");
            }
        });
    }

    public static byte[] writeFault(OrganizationServiceFault fault) {
        return write(g -> MessageWriter.faultBody(g, fault));
    }

    public static void writeFault(OrganizationServiceFault fault, OutputStream out) {
        write(out, g -> MessageWriter.faultBody(g, fault));
    }

    /** Decodes one value in the protocol's encoding; a JSON array reads as a {@link java.util.List}. */
    public static Object readValue(JsonNode node) {
        try {
            return ValueReader.read(node);
        } catch (JsonDecodeException e) {
            throw e.toFault();
        }
    }

    /** Decodes one value from its JSON text. */
    public static Object readValue(byte[] json) {
        return readValue(parse(json, "value"));
    }

    /** Writes one value in the protocol's encoding to an open generator. */
    public static void writeValue(JsonGenerator generator, Object value) {
        ValueWriter.write(generator, value);
    }

    /** One value's JSON text. */
    public static byte[] writeValue(Object value) {
        return write(g -> ValueWriter.write(g, value));
    }

    private static <T> T decode(JsonNode root, String what, Function<JsonNode, T> decoder) {
        if (!root.isObject()) {
            throw new FaultException(ErrorCodes.InvalidArgument,
                    "The " + what + " must be a JSON object, not " + JsonFields.describe(root) + ".");
        }
        try {
            return decoder.apply(root);
        } catch (JsonDecodeException e) {
            throw e.toFault();
        }
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return nonEmpty(MAPPER.readTree(json), what);
        } catch (JacksonException e) {
            throw notJson(e, what);
        }
    }

    private static JsonNode nonEmpty(JsonNode root, String what) {
        if (root == null || root.isMissingNode()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The " + what + " is empty.");
        }
        return root;
    }

    private static FaultException notJson(JacksonException e, String what) {
        StringBuilder m = new StringBuilder("The ").append(what).append(" is not valid JSON: ").append(readable(e.getOriginalMessage()));
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            m.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
        }
        return new FaultException(ErrorCodes.InvalidArgument, m.toString());
    }

    /** Jackson's message without the parts that speak of Jackson's own configuration rather than of the input. */
    private static String readable(String message) {
        return message == null ? "" : message
                .replaceAll(" \\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replaceAll(" for `ObjectNode`", "")
                .replaceAll(": not allowed (as per|when) `[^`]*`.*$", "");
    }

    private static byte[] write(Consumer<JsonGenerator> body) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            body.accept(g);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, Consumer<JsonGenerator> body) {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            body.accept(g);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }
}
