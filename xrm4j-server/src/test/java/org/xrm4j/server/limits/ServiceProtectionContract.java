package org.xrm4j.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.XrmServer;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service protection limits over HTTP, on both surfaces (they share one window per user): 429 with Retry-After in
 * whole seconds, the SDK fault with its TimeSpan, the Web API error body, the diagnostic headers, a batch counted as
 * one request, settings changed at run time through the deployment service, and what is never limited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceProtectionContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String WHO_AM_I = "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}";

    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() { server = TestServers.start(database()); }

    /** Settings live in the deployment's database, which other suites may share: back to the defaults. */
    @AfterEach void limitsOff() {
        for (String name : new String[] {DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT,
                DeploymentSettings.SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS, DeploymentSettings.SERVICE_PROTECTION_CONCURRENCY_LIMIT}) {
            server.server().engine().settings().set(name, 0);
        }
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS, 300);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    @Test void offByDefaultWithoutHeaders() {
        String token = newUser();
        for (int i = 0; i < 20; i++) {
            Reply r = sdk(token, WHO_AM_I);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(Admission.BURST_REMAINING)).isNull();
            assertThat(r.header(Admission.TIME_REMAINING)).isNull();
        }
    }

    @Test void overTheRequestLimitTheSdkAnswers429WithARetryAfterTimeSpan() {
        setThroughDeploymentService("ServiceProtectionRequestLimit", 3);
        setThroughDeploymentService("ServiceProtectionWindowSeconds", 60);
        String token = newUser();
        for (int i = 2; i >= 0; i--) {
            Reply r = sdk(token, WHO_AM_I);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(Admission.BURST_REMAINING)).isEqualTo(Integer.toString(i));
            assertThat(r.header(Admission.TIME_REMAINING)).isNull();
        }

        Reply refused = sdk(token, WHO_AM_I);

        assertThat(refused.status()).isEqualTo(429);
        JsonNode fault = refused.json().get("Fault");
        assertThat(fault.get("ErrorCode").asInt()).isEqualTo(ErrorCodes.ThrottlingBurstRequestLimitExceededError.code()).isEqualTo(-2147015902);
        assertThat(fault.get("Message").asString()).isEqualTo("Number of requests exceeded the limit of 3 over time window of 60 seconds.");
        JsonNode retry = fault.get("ErrorDetails").get("Retry-After");
        assertThat(retry.get("$type").asString()).isEqualTo("TimeSpan");
        Duration wait = (Duration) SdkJson.readFault(refused.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .errorDetails().get("Retry-After");
        assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(62));
        long header = Long.parseLong(refused.header("Retry-After"));
        assertThat(header).isEqualTo(wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    @Test void theWebApiAnswers429WithItsErrorBodyAndSharesTheUsersWindowWithTheSdk() {
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 3);
        String token = newUser();
        assertThat(sdk(token, WHO_AM_I).status()).isEqualTo(200);
        Reply first = webApi(token, "GET", "WhoAmI", null, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header(Admission.BURST_REMAINING)).isEqualTo("1");
        assertThat(webApi(token, "GET", "accounts?$select=name&$top=1", null, null).status()).isEqualTo(200);

        Reply refused = webApi(token, "GET", "WhoAmI", null, null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"error\":{\"code\":\"0x80072322\",\"message\":"
                + "\"Number of requests exceeded the limit of 3 over time window of 300 seconds.\"}}");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(295L, 306L);
        // Another user of the organization is not held back.
        assertThat(webApi(newUser(), "GET", "WhoAmI", null, null).status()).isEqualTo(200);
    }

    @Test void aBatchCountsAsOneRequestOnBothSurfaces() {
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 10);
        String token = newUser();
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            if (i > 0) requests.append(',');
            requests.append("{\"$type\":\"OrganizationRequest\",\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\","
                    + "\"LogicalName\":\"account\",\"Attributes\":{\"name\":\"Limited ").append(i).append("\"}}}}");
        }
        Reply multiple = sdk(token, "{\"RequestName\":\"ExecuteMultiple\",\"Parameters\":{\"Requests\":[" + requests
                + "],\"Settings\":{\"$type\":\"ExecuteMultipleSettings\",\"ContinueOnError\":false,\"ReturnResponses\":true}}}");
        assertThat(multiple.status()).as(multiple.body()).isEqualTo(200);
        assertThat(multiple.json().get("Results").get("Responses").size()).isEqualTo(5);
        assertThat(multiple.header(Admission.BURST_REMAINING)).isEqualTo("9");

        String boundary = "batch_" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            body.append("--").append(boundary).append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                    .append("GET ").append(api()).append("WhoAmI HTTP/1.1\r\nAccept: application/json\r\n\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        Reply batch = webApi(token, "POST", "$batch", body.toString(), "multipart/mixed; boundary=" + boundary);
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.body()).contains("HTTP/1.1 200");
        assertThat(batch.header(Admission.BURST_REMAINING)).isEqualTo("8");
    }

    @Test void overTheExecutionTimeLimitTheNextRequestIsRefused() {
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS, 1);
        String token = newUser();
        Reply first = webApi(token, "GET", "WhoAmI", null, null);
        assertThat(first.header(Admission.TIME_REMAINING)).isEqualTo("1");
        assertThat(first.header(Admission.BURST_REMAINING)).isNull();
        // A few requests add up to the millisecond; the first one over it is refused.
        Reply refused = sdk(token, WHO_AM_I);
        for (int i = 0; i < 200 && refused.status() == 200; i++) refused = sdk(token, WHO_AM_I);

        assertThat(refused.status()).isEqualTo(429);
        JsonNode fault = refused.json().get("Fault");
        assertThat(fault.get("ErrorCode").asInt()).isEqualTo(ErrorCodes.ThrottlingTimeExceededError.code()).isEqualTo(-2147015903);
        assertThat(fault.get("Message").asString()).startsWith("Combined execution time of incoming requests exceeded limit of 1"
                + " milliseconds over time window of 300 seconds.");
        Reply web = webApi(token, "GET", "WhoAmI", null, null);
        assertThat(web.status()).isEqualTo(429);
        assertThat(web.json().get("error").get("code").asString()).isEqualTo("0x80072321");
        assertThat(Long.parseLong(web.header("Retry-After"))).isBetween(1L, 306L);
    }

    @Test void deploymentServiceAndHealthAreNeverLimited() {
        server.server().engine().settings().set(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT, 1);
        assertThat(sdk(TestServers.ADMIN_TOKEN, WHO_AM_I).status()).isEqualTo(200);
        assertThat(sdk(TestServers.ADMIN_TOKEN, WHO_AM_I).status()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            Reply settings = send(HttpRequest.newBuilder(URI.create(server.server().baseUrl() + "/api/xrm/v1/deployment"))
                    .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"RequestName\":\"RetrieveAdvancedSettings\",\"Parameters\":{}}")));
            assertThat(settings.status()).isEqualTo(200);
            assertThat(settings.header(Admission.BURST_REMAINING)).isNull();
            assertThat(settings.body()).contains("\"ServiceProtectionRequestLimit\":{\"$type\":\"Long\",\"Value\":\"1\"}");
            assertThat(send(HttpRequest.newBuilder(URI.create(server.server().baseUrl() + "/health")).GET()).status()).isEqualTo(200);
        }
    }

    @Test void theOnlineProfileTurnsTheLimitsOnWithDataversesNumbers() {
        // A fresh database: on a shared one, values stored by other suites would stand in for the profile's defaults.
        try (TestServers.TestServer online = TestServers.start("h2",
                XrmServer.Config.defaults().withProfile(DeploymentSettings.Profile.ONLINE))) {
            var settings = online.server().engine().settings();
            assertThat(settings.get(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT)).isEqualTo(6000);
            assertThat(settings.get(DeploymentSettings.SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS)).isEqualTo(1_200_000);
            assertThat(settings.get(DeploymentSettings.SERVICE_PROTECTION_CONCURRENCY_LIMIT)).isEqualTo(52);
            assertThat(settings.get(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS)).isEqualTo(300);
            String token = online.server().engine().deployment().createUser(online.org(), "Online", "User", null, Role.SystemAdministrator).token();
            Reply r = send(HttpRequest.newBuilder(URI.create(online.orgUrl() + "/api/data/v9.2/WhoAmI"))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(Admission.BURST_REMAINING)).isEqualTo("5999");
            assertThat(Long.parseLong(r.header(Admission.TIME_REMAINING))).isEqualTo(1_200_000);
        }
    }

    private String newUser() {
        return server.server().engine().deployment().createUser(server.org(), "Limited", "User " + UUID.randomUUID(), null,
                Role.SystemAdministrator).token();
    }

    private String api() { return server.orgUrl() + "/api/data/v9.2/"; }

    private void setThroughDeploymentService(String name, long value) {
        Reply r = send(HttpRequest.newBuilder(URI.create(server.server().baseUrl() + "/api/xrm/v1/deployment"))
                .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"RequestName\":\"UpdateAdvancedSettings\",\"Parameters\":{\"Name\":\""
                        + name + "\",\"Value\":" + value + "}}")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Reply sdk(String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.orgUrl() + "/api/xrm/v1/execute"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply webApi(String token, String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() { return JSON.readTree(body); }

        String header(String name) { return headers.firstValue(name).orElse(null); }
    }
}
