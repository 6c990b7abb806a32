package org.xrm4j.server.webapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw Web API calls to a test server, sending the headers a Dataverse client sends. */
final class WebApiHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() { return JSON.readTree(body); }

        String header(String name) { return headers.firstValue(name).orElse(null); }

        String errorCode() { return json().get("error").get("code").asString(); }
    }

    private final String token;

    WebApiHttp(String token) { this.token = token; }

    Reply get(String url, String... headers) { return send("GET", url, null, headers); }

    Reply post(String url, String body, String... headers) { return send("POST", url, body, headers); }

    Reply patch(String url, String body, String... headers) { return send("PATCH", url, body, headers); }

    Reply delete(String url, String... headers) { return send("DELETE", url, null, headers); }

    /** {@code POST $batch} with a multipart body of the given Content-Type. */
    Reply batch(String url, String body, String contentType, String... headers) {
        return send("POST", url, body, contentType, headers);
    }

    Reply send(String method, String url, String body, String... headers) {
        return send(method, url, body, "application/json; charset=utf-8", headers);
    }

    private Reply send(String method, String url, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0");
        if (body != null) b.header("Content-Type", contentType);
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
