package org.xrm4j.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.sdk.query.ColumnSet;

/** Records named by alternate key (KeyAttributes) keep their key values across the SDK protocol. */
class KeyAttributesCodecTest {
    @Test void entityKeyAttributesSurviveTheRoundTrip() {
        Entity target = new Entity("contact").set("jobtitle", "Pilot");
        target.keyAttributes().putAll(Map.of("firstname", "Amelia", "lastname", "Earhart"));
        var upsert = (UpsertRequest) SdkJson.readRequest(SdkJson.writeRequest(new UpsertRequest(target)));
        assertThat(upsert.target().id()).isNull();
        assertThat(upsert.target().keyAttributes()).containsOnly(Map.entry("firstname", "Amelia"), Map.entry("lastname", "Earhart"));
        assertThat(upsert.target().attributes()).containsOnly(Map.entry("jobtitle", "Pilot"));
    }

    @Test void referenceKeyAttributesSurviveTheRoundTrip() {
        var retrieve = (RetrieveRequest) SdkJson.readRequest(SdkJson.writeRequest(new RetrieveRequest(
                EntityReference.byKey("account", Map.of("accountnumber", "A-1")), new ColumnSet("name"))));
        assertThat(retrieve.target().id()).isNull();
        assertThat(retrieve.target().keyAttributes()).containsOnly(Map.entry("accountnumber", "A-1"));
        var plain = (RetrieveRequest) SdkJson.readRequest(SdkJson.writeRequest(new RetrieveRequest(
                new EntityReference("account", java.util.UUID.randomUUID()), new ColumnSet("name"))));
        assertThat(plain.target().keyAttributes()).isEmpty();
    }
}
