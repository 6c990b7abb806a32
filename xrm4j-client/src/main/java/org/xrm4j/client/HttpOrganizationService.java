package org.xrm4j.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationService;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;

/**
 * The Organization service of a remote xrm4j server, over the SDK protocol ({@code POST {base}/api/xrm/v1/execute}).
 *
 * <pre>{@code
 * HttpOrganizationService service = HttpOrganizationService.builder()
 *         .baseUrl("http://localhost:8080/contoso").token(token).build();
 * UUID id = service.create(new Entity("account").set("name", "Contoso"));
 * }</pre>
 *
 * <p>Thread-safe: one instance serves any number of threads over one {@link HttpClient} (HTTP/1.1 with keep-alive,
 * so connections are reused). {@link #withCallerId} gives an impersonating view that shares that client; build one
 * service per server and derive the others from it rather than building many.
 *
 * <p>Every failure is a {@link FaultException}: the server's own fault for a non-200 answer (typed, so an
 * ExecuteTransaction failure carries an {@code ExecuteTransactionFault}); {@link ErrorCodes#UnExpected} with the HTTP
 * status for an answer that is not a fault (a proxy's error page), and with the cause attached for an I/O error or a
 * timeout. On 429 and 503 the {@code Retry-After} header is copied into the fault's ErrorDetails as
 * {@code "Retry-After"} (seconds, Integer) so callers can back off. The client itself never retries: a request may
 * have been executed even when its answer was lost.
 */
public final class HttpOrganizationService implements OrganizationService, AutoCloseable {
    static final String EXECUTE_PATH = "/api/xrm/v1/execute";

    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> token;
    private final UUID callerId;
    private final Duration timeout;

    private HttpOrganizationService(HttpClient http, URI endpoint, Supplier<String> token, UUID callerId, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.callerId = callerId;
        this.timeout = timeout;
    }

    public static Builder builder() { return new Builder(); }

    @Override
    public OrganizationResponse execute(OrganizationRequest request) {
        Objects.requireNonNull(request, "request");
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", "Bearer " + Objects.requireNonNull(token.get(), "the token source gave null"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SdkJson.writeRequest(request)));
        if (callerId != null) post.header("MSCRMCallerID", callerId.toString());
        HttpResponse<byte[]> answer = send(post.build());
        if (answer.statusCode() == 200) return decode(answer);
        throw HttpFaults.of(answer, endpoint);
    }

    /** This service impersonating {@code callerId} (the caller needs the act-on-behalf privilege); same HttpClient. */
    public HttpOrganizationService withCallerId(UUID callerId) {
        return new HttpOrganizationService(http, endpoint, token, Objects.requireNonNull(callerId, "callerId"), timeout);
    }

    /** The user this service impersonates, if any. */
    public Optional<UUID> callerId() { return Optional.ofNullable(callerId); }

    /** The URL requests are posted to. */
    public URI endpoint() { return endpoint; }

    /**
     * Closes the HttpClient (also one passed to {@link Builder#httpClient}): this service and every one derived with
     * {@link #withCallerId} stop working.
     */
    @Override
    public void close() { http.close(); }

    HttpClient httpClient() { return http; }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unexpected("Cannot reach " + endpoint + ": the connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw unexpected("No answer from " + endpoint + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unexpected("Cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unexpected("Interrupted while waiting for " + endpoint, e);
        }
    }

    private OrganizationResponse decode(HttpResponse<byte[]> answer) {
        try {
            return SdkJson.readResponse(answer.body());
        } catch (FaultException e) {
            // The codec calls bad input InvalidArgument; here the bad input is the server's, not the caller's.
            throw unexpected("The server answered HTTP 200 with a body that is not an SDK response: " + e.getMessage(), e);
        }
    }

    private static FaultException unexpected(String message, Throwable cause) {
        return new FaultException(new OrganizationServiceFault(ErrorCodes.UnExpected, message), cause);
    }

    /** Builds an {@link HttpOrganizationService}; baseUrl and token are required. */
    public static final class Builder {
        private String baseUrl;
        private Supplier<String> token;
        private UUID callerId;
        private Duration timeout = Duration.ofMinutes(2);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private HttpClient httpClient;
        private String endpointPath = EXECUTE_PATH;

        private Builder() {}

        /** The endpoint below the base URL: the SDK endpoint unless set (the CLI uses the deployment service's). */
        public Builder endpointPath(String path) { this.endpointPath = Objects.requireNonNull(path, "path"); return this; }

        /** {@code http://host:port} for the default organization, {@code http://host:port/orgname} for a named one. */
        public Builder baseUrl(String baseUrl) { this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl"); return this; }

        /** The bearer token sent with every request. */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            this.token = () -> token;
            return this;
        }

        /** A token source asked on every request, for tokens that expire and are renewed. */
        public Builder token(Supplier<String> token) { this.token = Objects.requireNonNull(token, "token"); return this; }

        /** Impersonate this user (MSCRMCallerID). */
        public Builder callerId(UUID callerId) { this.callerId = Objects.requireNonNull(callerId, "callerId"); return this; }

        /** How long one request may take, from sending to the last byte of the answer; 2 minutes unless set. */
        public Builder timeout(Duration timeout) { this.timeout = positive(timeout, "timeout"); return this; }

        /** How long opening a connection may take; 10 seconds unless set. Ignored with {@link #httpClient}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Use this client (its proxy, TLS and executor settings) instead of a new HTTP/1.1 one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public HttpOrganizationService build() {
            if (baseUrl == null) throw new IllegalStateException("baseUrl is required");
            if (token == null) throw new IllegalStateException("token is required");
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
            return new HttpOrganizationService(http, endpoint(baseUrl, endpointPath), token, callerId, timeout);
        }

        static URI endpoint(String baseUrl, String endpointPath) {
            URI base;
            try {
                base = URI.create(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
            }
            String scheme = base.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || base.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL such as http://localhost:8080: " + baseUrl);
            }
            if (base.getRawQuery() != null || base.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
            }
            String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            return URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + base.getRawAuthority() + path + endpointPath);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
            return d;
        }
    }
}
