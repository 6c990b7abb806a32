package org.xrm4j.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's alternate keys survive the JSON document the metadata is stored as, with and without their labels. */
class StoredKeysTest {
    @Test void keysRoundTripThroughTheStoredDefinition() {
        EntityMetadata account = SystemEntities.metadata().entity("account")
                .withKeys(List.of(new EntityKeyMetadata("new_numberkey", List.of("accountnumber", "name"), "new_NumberKey", "Number"),
                        new EntityKeyMetadata("plainkey", List.of("name"))));
        EntityMetadata back = MetadataRepository.readEntity(MetadataRepository.writeEntity(account));
        assertThat(back.keys()).isEqualTo(account.keys());
        assertThat(back.keys().get(1).schemaNameOrLogical()).isEqualTo("plainkey");
    }

    @Test void definitionsStoredBeforeKeysHadNamesStillRead() {
        String json = MetadataRepository.writeEntity(SystemEntities.metadata().entity("account").withKeys(List.of(new EntityKeyMetadata("k", List.of("x")))))
                .replace(",\"schemaName\":null,\"displayName\":null", "");
        assertThat(json).doesNotContain("displayName\":null}");
        assertThat(MetadataRepository.readEntity(json).keys().getFirst().schemaName()).isNull();
    }
}
