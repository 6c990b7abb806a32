package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.FaultException;

/** The multipart reading of {@code $batch} bodies, on the byte shapes clients send. */
class WebApiBatchParserTest {
    @Test void clientShapesAreRead() {
        String body = "\r\n--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "GET http://h/api/data/v9.2/accounts?$filter=name eq 'a b'&$orderby=name desc HTTP/1.1\r\nAccept: application/json\r\n"
                + "\r\n--b\r\nContent-Type: multipart/mixed;boundary=cs\r\n\r\n--cs\r\nContent-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nPOST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                + "{\"name\":\"x\"}\r\n\r\n--cs\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\nDELETE $1 HTTP/1.1\r\n"
                + "\r\n--cs--\r\n\r\n--b--\r\n";
        List<BatchPart.Item> items = BatchParser.parse(new StringReader(body), "b");
        assertThat(items).extracting(BatchPart.Item::changeSet).containsExactly(false, true);
        BatchPart get = items.get(0).parts().getFirst();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo("http://h/api/data/v9.2/accounts?$filter=name eq 'a b'&$orderby=name desc");
        assertThat(get.headers()).containsEntry("accept", "application/json");
        assertThat(get.body()).isEmpty();
        List<BatchPart> changes = items.get(1).parts();
        assertThat(changes).extracting(BatchPart::contentId).containsExactly("1", "2");
        assertThat(new String(changes.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"x\"}");
        assertThat(changes.get(1).url()).isEqualTo("$1");
        assertThat(changes.get(1).body()).isEmpty();
    }

    @Test void lfLineEndingsAndAPartWithoutVersionOrEmptyLine() {
        String body = "preamble\n--b\nContent-Type: application/http\n\nGET WhoAmI\n--b\nContent-Type: application/http\n\n"
                + "PATCH accounts(1) HTTP/1.1\nIf-Match: *\n\n{\"a\":1}\n--b--";
        List<BatchPart.Item> items = BatchParser.parse(new StringReader(body), "b");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).parts().getFirst().url()).isEqualTo("WhoAmI");
        assertThat(items.get(1).parts().getFirst().headers()).containsEntry("If-Match", "*");
        assertThat(new String(items.get(1).parts().getFirst().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test void malformedBodiesAreInvalidArguments() {
        for (String body : List.of("", "--b\nContent-Type: application/http\n\nGET WhoAmI HTTP/1.1\n",
                "--b\nContent-Type: multipart/mixed;boundary=c\n\n--c--\n--b--", "--b\nContent-Type: text/plain\n\nhello\n--b--")) {
            assertThatThrownBy(() -> BatchParser.parse(new StringReader(body), "b")).as(body)
                    .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.fault().errorCode()).isEqualTo(0x80040203));
        }
    }

    @Test void boundaryAndPreferences() {
        assertThat(BatchParser.boundary("multipart/mixed;boundary=batch_1")).isEqualTo("batch_1");
        assertThat(BatchParser.boundary("multipart/mixed; boundary=\"batch_2\"")).isEqualTo("batch_2");
        assertThat(BatchParser.boundary("application/json")).isNull();
        assertThat(BatchRequests.continueOnError("odata.continue-on-error")).isTrue();
        assertThat(BatchRequests.continueOnError("return=minimal, odata.continue-on-error=true")).isTrue();
        assertThat(BatchRequests.continueOnError("odata.continue-on-error=false")).isFalse();
        assertThat(BatchRequests.continueOnError(null)).isFalse();
    }
}
