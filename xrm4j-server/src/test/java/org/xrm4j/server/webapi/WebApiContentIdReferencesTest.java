package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.FaultException;
import tools.jackson.databind.JsonNode;

/** {@code $n} references of a change set, in URLs and bodies. */
class WebApiContentIdReferencesTest {
    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test void urlsAsWholeOrPrefix() {
        ContentIdReferences refs = new ContentIdReferences();
        refs.register("1", "contacts(11111111-1111-1111-1111-111111111111)");
        assertThat(refs.url("$1")).isEqualTo("contacts(11111111-1111-1111-1111-111111111111)");
        assertThat(refs.url("$1/parentcustomerid_account/$ref")).isEqualTo("contacts(11111111-1111-1111-1111-111111111111)/parentcustomerid_account/$ref");
        assertThat(refs.url("$1?$select=fullname")).isEqualTo("contacts(11111111-1111-1111-1111-111111111111)?$select=fullname");
        assertThat(refs.url("accounts")).isEqualTo("accounts");
        assertThatThrownBy(() -> refs.url("$2")).isInstanceOf(FaultException.class).hasMessageContaining("Content-ID Reference: '$2'");
    }

    @Test void bindsAndIdsInBodies() {
        ContentIdReferences refs = new ContentIdReferences();
        refs.register("a", "accounts(22222222-2222-2222-2222-222222222222)");
        JsonNode j = WebApiHttp.JSON.readTree(refs.body(bytes("{\"name\":\"$a stays\",\"parentaccountid@odata.bind\":\"$a\","
                + "\"x@odata.bind\":[\"$a\",\"/contacts(1)\"],\"nested\":{\"@odata.id\":\"$a\"}}")));
        assertThat(j.get("name").asString()).isEqualTo("$a stays");
        assertThat(j.get("parentaccountid@odata.bind").asString()).isEqualTo("/accounts(22222222-2222-2222-2222-222222222222)");
        assertThat(j.get("x@odata.bind").get(0).asString()).isEqualTo("/accounts(22222222-2222-2222-2222-222222222222)");
        assertThat(j.get("x@odata.bind").get(1).asString()).isEqualTo("/contacts(1)");
        assertThat(j.get("nested").get("@odata.id").asString()).isEqualTo("/accounts(22222222-2222-2222-2222-222222222222)");
        byte[] plain = bytes("{\"name\":\"x\"}");
        assertThat(refs.body(plain)).isSameAs(plain);
        byte[] broken = bytes("{\"a@odata.bind\":\"$a\"");
        assertThat(refs.body(broken)).isSameAs(broken);
    }
}
