package org.xrm4j.server.webapi;

import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.messages.CreateEntityKeyRequest;
import org.xrm4j.server.TestServers;

/** Alternate keys for the Web API contracts, defined as a customizer would (CreateEntityKey). */
final class WebApiKeys {
    private WebApiKeys() {}

    static void define(TestServers.TestServer server, String table, String schemaName, String... columns) {
        server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN, null, new CreateEntityKeyRequest()
                .entityName(table).entityKey(new Entity("entitykeymetadata").set("SchemaName", schemaName)
                        .set("KeyAttributes", List.of(columns)).set("DisplayName", schemaName)));
    }
}
