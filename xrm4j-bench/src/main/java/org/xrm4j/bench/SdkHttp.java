package org.xrm4j.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.json.SdkJson;

/**
 * The SDK endpoint of one organization, over a shared {@link HttpClient} (HTTP/1.1 with keep-alive, so a measured
 * request never pays for a TCP handshake). Requests are built once, before the window, and sent again and again:
 * an {@link HttpRequest} with a byte-array body is immutable and reusable, so the client's per-request cost is the
 * HTTP exchange itself and not JSON encoding.
 */
final class SdkHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI execute;
    private final String token;

    SdkHttp(HttpClient client, String executeUrl, String token) {
        this.client = client;
        this.execute = URI.create(executeUrl);
        this.token = token;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A ready-to-send request carrying the given pre-serialized body. */
    HttpRequest prepare(byte[] body) {
        return HttpRequest.newBuilder(execute).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Sends a prepared request; the body is read in full so the connection goes back to the pool. */
    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One request outside any measurement, decoded: a fault is an exception, since the setup cannot go on. */
    OrganizationResponse execute(OrganizationRequest request) {
        try {
            HttpResponse<byte[]> r = send(prepare(SdkJson.writeRequest(request)));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.requestName() + " failed with HTTP " + r.statusCode() + ": "
                        + SdkJson.readFault(r.body()).message());
            }
            return SdkJson.readResponse(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.requestName() + " could not reach " + execute + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
