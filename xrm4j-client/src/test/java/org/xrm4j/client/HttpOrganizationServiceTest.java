package org.xrm4j.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;

/** The client against a stand-in server on a loopback port that answers canned protocol bodies. */
class HttpOrganizationServiceTest {
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID CALLER = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private HttpServer server;
    private ExecutorService serverThreads;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Canned answer;
    private HttpOrganizationService service;

    record Received(String method, String path, Headers headers, byte[] body) {}

    record Canned(int status, Map<String, String> headers, byte[] body, Duration delay) {
        static Canned of(int status, byte[] body) { return new Canned(status, Map.of(), body, Duration.ZERO); }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            Canned c = answer;
            try {
                Thread.sleep(c.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(c.status(), c.body().length == 0 ? -1 : c.body().length);
            exchange.getResponseBody().write(c.body());
            exchange.close();
        });
        server.start();
        service = HttpOrganizationService.builder().baseUrl(base()).token("secret-token").build();
    }

    @AfterEach
    void stopServer() {
        service.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    @Test
    void postsTheRequestAndDecodesTheTypedResponse() throws InterruptedException {
        answer = Canned.of(200, SdkJson.writeResponse(new CreateResponse().id(ID)));

        UUID id = service.create(new Entity("account").set("name", "Contoso"));

        assertThat(id).isEqualTo(ID);
        Received r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/xrm/v1/execute");
        assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().containsKey("MSCRMCallerID")).isFalse();
        assertThat(SdkJson.readRequest(r.body())).isEqualTo(new CreateRequest(new Entity("account").set("name", "Contoso")));
    }

    @Test
    void executeReturnsTheTypedResponse() {
        answer = Canned.of(200, SdkJson.writeResponse(new WhoAmIResponse().userId(ID)));

        assertThat(service.execute(new WhoAmIRequest())).isInstanceOf(WhoAmIResponse.class)
                .extracting(r -> ((WhoAmIResponse) r).userId()).isEqualTo(ID);
    }

    @Test
    void aNamedOrganizationIsAPathPrefix() throws InterruptedException {
        answer = Canned.of(200, SdkJson.writeResponse(new WhoAmIResponse()));
        try (var org = HttpOrganizationService.builder().baseUrl(base() + "/contoso/").token("t").build()) {
            org.execute(new WhoAmIRequest());
        }

        assertThat(received.poll(5, TimeUnit.SECONDS).path()).isEqualTo("/contoso/api/xrm/v1/execute");
    }

    @Test
    void callerIdIsSentAsMscrmCallerId() throws InterruptedException {
        answer = Canned.of(200, SdkJson.writeResponse(new WhoAmIResponse()));
        HttpOrganizationService impersonating = service.withCallerId(CALLER);

        impersonating.execute(new WhoAmIRequest());
        service.execute(new WhoAmIRequest());

        assertThat(received.poll(5, TimeUnit.SECONDS).headers().getFirst("MSCRMCallerID")).isEqualTo(CALLER.toString());
        assertThat(received.poll(5, TimeUnit.SECONDS).headers().containsKey("MSCRMCallerID")).isFalse();
        assertThat(impersonating.httpClient()).isSameAs(service.httpClient());
        assertThat(impersonating.callerId()).contains(CALLER);
        assertThat(service.callerId()).isEmpty();
    }

    @Test
    void callerIdFromTheBuilder() throws InterruptedException {
        answer = Canned.of(200, SdkJson.writeResponse(new WhoAmIResponse()));
        try (var s = HttpOrganizationService.builder().baseUrl(base()).token("t").callerId(CALLER).build()) {
            s.execute(new WhoAmIRequest());
        }

        assertThat(received.poll(5, TimeUnit.SECONDS).headers().getFirst("MSCRMCallerID")).isEqualTo(CALLER.toString());
    }

    @Test
    void aFaultAnswerIsThrownAsTheServersFault() {
        OrganizationServiceFault fault = new OrganizationServiceFault(ErrorCodes.ObjectDoesNotExist, "account With Id = " + ID + " Does Not Exist");
        answer = Canned.of(404, SdkJson.writeFault(fault));

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.retrieve("account", ID, org.xrm4j.sdk.query.ColumnSet.all()));

        assertThat(e.fault()).isEqualTo(fault);
        assertThat(e.getMessage()).isEqualTo(fault.message());
    }

    @Test
    void aTransactionFaultKeepsItsType() {
        answer = Canned.of(400, SdkJson.writeFault(ExecuteTransactionFault.of(new OrganizationServiceFault(ErrorCodes.InvalidArgument, "bad"), 2)));

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.fault()).isInstanceOf(ExecuteTransactionFault.class);
        assertThat(((ExecuteTransactionFault) e.fault()).faultedRequestIndex()).isEqualTo(2);
    }

    @Test
    void retryAfterOfA429GoesIntoTheErrorDetails() {
        OrganizationServiceFault fault = new OrganizationServiceFault(ErrorCodes.ThrottlingBurstRequestLimitExceededError, "slow down");
        answer = new Canned(429, Map.of("Retry-After", "7"), SdkJson.writeFault(fault), Duration.ZERO);

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.ThrottlingBurstRequestLimitExceededError.code());
        assertThat(e.fault().errorDetails()).containsEntry("Retry-After", 7);
    }

    @Test
    void retryAfterTheServerPutInTheFaultWins() {
        OrganizationServiceFault fault = new OrganizationServiceFault(ErrorCodes.ServerBusy, "busy");
        fault.errorDetails().put("Retry-After", 3);
        answer = new Canned(503, Map.of("Retry-After", "9"), SdkJson.writeFault(fault), Duration.ZERO);

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.fault().errorDetails()).containsEntry("Retry-After", 3);
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC));
        answer = new Canned(503, Map.of("Retry-After", inAMinute), "Service Unavailable".getBytes(UTF_8), Duration.ZERO);

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.UnExpected.code());
        assertThat((Integer) e.fault().errorDetails().get("Retry-After")).isBetween(50, 60);
    }

    @Test
    void anAnswerThatIsNotAFaultNamesTheStatus() {
        answer = Canned.of(502, "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(UTF_8));

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.UnExpected.code());
        assertThat(e.getMessage()).contains("HTTP 502").contains("502 Bad Gateway");
        assertThat(e.fault().errorDetails()).doesNotContainKey("Retry-After");
    }

    @Test
    void anEmptyErrorAnswerNamesTheStatus() {
        answer = Canned.of(500, new byte[0]);

        assertThatThrownBy(() -> service.execute(new WhoAmIRequest())).isInstanceOf(FaultException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void aSuccessThatIsNotAResponseIsUnexpected() {
        answer = Canned.of(200, "{\"Hello\":1}".getBytes(UTF_8));

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.UnExpected.code());
        assertThat(e.getMessage()).contains("HTTP 200").contains("ResponseName");
    }

    @Test
    void anUnreachableServerIsUnexpectedWithTheCause() {
        server.stop(0);

        FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.UnExpected.code());
        assertThat(e.getMessage()).startsWith("Cannot reach " + base() + "/api/xrm/v1/execute");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void aSlowServerTimesOut() {
        answer = new Canned(200, Map.of(), SdkJson.writeResponse(new WhoAmIResponse()), Duration.ofSeconds(3));
        try (var impatient = HttpOrganizationService.builder().baseUrl(base()).token("t").timeout(Duration.ofMillis(200)).build()) {
            FaultException e = catchThrowableOfType(FaultException.class, () -> impatient.execute(new WhoAmIRequest()));

            assertThat(e.getMessage()).startsWith("No answer from ").endsWith("within 200 ms");
            assertThat(e.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class);
        }
    }

    @Test
    void anInterruptKeepsTheFlag() {
        answer = Canned.of(200, SdkJson.writeResponse(new WhoAmIResponse()));
        Thread.currentThread().interrupt();
        try {
            FaultException e = catchThrowableOfType(FaultException.class, () -> service.execute(new WhoAmIRequest()));

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theBuilderChecksItsInput() {
        assertThatThrownBy(() -> HttpOrganizationService.builder().token("t").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> HttpOrganizationService.builder().baseUrl("http://x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> HttpOrganizationService.builder().baseUrl("ftp://x").token("t").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpOrganizationService.builder().baseUrl("localhost:8080").token("t").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpOrganizationService.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpOrganizationService.Builder.endpoint("HTTP://host:8080/org/", "/api/xrm/v1/execute").toString())
                .isEqualTo("http://host:8080/org/api/xrm/v1/execute");
        assertThat(HttpOrganizationService.Builder.endpoint("https://host", "/api/xrm/v1/execute").toString()).isEqualTo("https://host/api/xrm/v1/execute");
    }
}
