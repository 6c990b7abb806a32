package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The dynamics-web-api client against a server with a small service protection request limit: the refused request
 * surfaces as an error with status 429, the throttling code and message, and the Retry-After header in seconds.
 */
abstract class WebApiNodeLimitsContract extends WebApiNodeContract {
    private static final int LIMIT = 4;

    @BeforeAll void limitRequests() {
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, LIMIT);
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS, 120);
    }

    /** Settings live in the deployment's database, which other suites may share: back to the defaults, before the server stops. */
    @AfterAll void resetLimits() {
        if (server == null) return;
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 0);
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS, 300);
    }

    @Test void theClientSurfacesA429WithTheThrottlingCodeAndRetryAfter() {
        String token = server.server().engine().deployment().createUser(server.org(), "Node", "Limited", null, Role.SystemAdministrator).token();
        JsonNode s = NodeClient.summary(server, "limits.js", Map.of("XRM4J_TOKEN", token, "XRM4J_LIMIT", Integer.toString(LIMIT)));

        assertThat(s.get("batchParts").asInt()).isEqualTo(3);
        // The $batch of three was one request: three WhoAmI calls fit after it, the fifth request is refused.
        assertThat(s.get("succeeded").asInt()).isEqualTo(LIMIT);
        JsonNode refused = s.get("refused");
        assertThat(refused.get("status").asInt()).isEqualTo(429);
        assertThat(refused.get("code").asString()).isEqualTo("0x80072322");
        assertThat(refused.get("message").asString()).isEqualTo("Number of requests exceeded the limit of 4 over time window of 120 seconds.");
        assertThat(Long.parseLong(refused.get("retryAfter").asString())).isBetween(115L, 123L);
    }
}
