package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.server.XrmServer;

class EngineRestartH2Test extends EngineRestartContract {
    @Override String database() { return "h2"; }

    /** Only on a database of its own: the shared PostgreSQL test database has its default organization already. */
    @Test void theFirstStartCreatesTheDefaultOrganizationOnce(@TempDir Path data) {
        UUID id;
        try (XrmServer first = XrmServer.start(config(data))) {
            assertThat(first.engine().deployment().organizationNames()).containsExactly(XrmServer.DEFAULT_ORGANIZATION);
            id = ((CreateResponse) execute(first, null, new CreateRequest(new Entity("account").set("name", "Default org")))).id();
        }
        try (XrmServer second = XrmServer.start(config(data))) {
            assertThat(second.engine().deployment().organizationNames()).containsExactly(XrmServer.DEFAULT_ORGANIZATION);
            assertThat(retrieve(second, null, "account", id).get("name")).isEqualTo("Default org");
        }
    }
}
