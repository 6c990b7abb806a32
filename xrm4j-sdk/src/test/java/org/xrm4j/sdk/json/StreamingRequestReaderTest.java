package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;

/**
 * The streaming fast path decodes exactly what the tree reader decodes: the same request (same bytes when written
 * again, same classes all the way down) or, when the tree refuses the body, no request at all, so that
 * {@link SdkJson#readRequest(byte[])} answers with the tree's fault word for word.
 */
class StreamingRequestReaderTest {

    static Stream<Arguments> bodies() { return StreamingCorpus.all().map(Arguments::of); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void bothPathsDecodeTheSame(String name, byte[] body) {
        FaultException treeFault = null;
        OrganizationRequest tree = null;
        try {
            tree = SdkJson.readRequestByTree(body);
        } catch (FaultException e) {
            treeFault = e;
        }
        OrganizationRequest fast = SdkJson.readRequestStreaming(body);

        if (treeFault != null) {
            assertThat(fast).as("the fast path accepted a body the tree refuses: " + treeFault.getMessage()).isNull();
            FaultException fault = catchThrowableOfType(FaultException.class, () -> SdkJson.readRequest(body));
            assertThat(fault).as("readRequest fails as the tree does").isNotNull();
            assertThat(fault.getMessage()).isEqualTo(treeFault.getMessage());
            assertThat(fault.errorCode()).isEqualTo(treeFault.errorCode());
        } else {
            if (fast != null) assertSame(fast, tree);
            assertSame(SdkJson.readRequest(body), tree);
        }
    }

    @Test
    void aBulkLoadIsDecodedOnTheFastPath() {
        byte[] body = StreamingCorpus.bulkLoad(1000);

        OrganizationRequest fast = SdkJson.readRequestStreaming(body);

        assertThat(fast).as("decoded without falling back to the tree").isNotNull();
        assertThat(((ExecuteMultipleRequest) fast).requests()).hasSize(1000).allSatisfy(r -> assertThat(r).isInstanceOf(CreateRequest.class));
        assertThat(((CreateRequest) ((ExecuteMultipleRequest) fast).requests().get(7)).target().attributes())
                .containsAllEntriesOf(StreamingCorpus.account(7).attributes());
        assertSame(fast, SdkJson.readRequestByTree(body));
    }

    @Test
    void everyCoveredValueIsDecodedOnTheFastPathWhereverItSits() {
        for (String value : StreamingCorpus.REGULAR) {
            for (String body : StreamingCorpus.inEveryPosition(value)) {
                assertThat(SdkJson.readRequestStreaming(StreamingCorpus.bytes(body))).as(body).isNotNull();
            }
        }
    }

    @Test
    void irregularAndWrongBodiesFallBackToTheTree() {
        for (List<String> values : List.of(StreamingCorpus.IRREGULAR, StreamingCorpus.WRONG)) {
            for (String value : values) {
                for (String body : StreamingCorpus.inEveryPosition(value)) {
                    assertThat(SdkJson.readRequestStreaming(StreamingCorpus.bytes(body))).as(body).isNull();
                }
            }
        }
        assertThat(SdkJson.readRequestStreaming(StreamingCorpus.bytes("{'RequestName':'WhoAmI'} {}"))).isNull();
        assertThat(SdkJson.readRequestStreaming(StreamingCorpus.bytes("{'RequestName':'WhoAmI','RequestName':'WhoAmI'}"))).isNull();
    }

    @Test
    void theFallbackAnswersWhatTheTreeAccepts() {
        OrganizationRequest r = SdkJson.readRequest(StreamingCorpus.bytes(StreamingCorpus.param("{'Value':'5','$type':'Long'}")));

        assertThat(r.get("V")).isEqualTo(5L);
    }

    @Test
    void aStreamReadsAsItsBytes() {
        byte[] body = StreamingCorpus.bulkLoad(3);
        byte[] bad = StreamingCorpus.bytes(StreamingCorpus.param("{'$type':'Money','Value':12.5}"));

        assertSame(SdkJson.readRequest(new ByteArrayInputStream(body)), SdkJson.readRequestByTree(body));
        assertThat(catchThrowableOfType(FaultException.class, () -> SdkJson.readRequest(new ByteArrayInputStream(bad))).getMessage())
                .isEqualTo(catchThrowableOfType(FaultException.class, () -> SdkJson.readRequestByTree(bad)).getMessage())
                .startsWith("Expected a decimal number as a string, not the number 12.5 at Parameters.V.Value.");
    }

    private static void assertSame(OrganizationRequest actual, OrganizationRequest expected) {
        assertThat(new String(SdkJson.writeRequest(actual), UTF_8)).isEqualTo(new String(SdkJson.writeRequest(expected), UTF_8));
        assertThat(shape(actual)).isEqualTo(shape(expected));
    }

    /** The classes of a decoded value all the way down, which the bytes alone do not show (a typed request class). */
    static String shape(Object v) {
        return switch (v) {
            case null -> "null";
            case OrganizationRequest r -> r.getClass().getName() + shape(r.parameters());
            case Map<?, ?> m -> m.getClass().getName() + m.entrySet().stream()
                    .map(e -> e.getKey() + "=" + shape(e.getValue())).collect(joining(",", "{", "}"));
            case List<?> l -> l.getClass().getName() + l.stream().map(StreamingRequestReaderTest::shape).collect(joining(",", "[", "]"));
            case Entity e -> "Entity" + shape(e.keyAttributes()) + shape(e.attributes()) + e.formattedValues().getClass().getName();
            case EntityReference r -> "EntityReference" + shape(r.keyAttributes());
            case EntityCollection c -> "EntityCollection" + shape(c.entities());
            case AliasedValue a -> "AliasedValue(" + shape(a.value()) + ")";
            default -> v.getClass().getName();
        };
    }
}
