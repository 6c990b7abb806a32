package org.xrm4j.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.json.SdkJson;

/**
 * Turns a non-200 answer into the exception the caller sees: the server's fault when the body is one, otherwise an
 * UnExpected fault naming the HTTP status, since a proxy or load balancer may answer in the server's place.
 */
final class HttpFaults {
    static final String RETRY_AFTER = "Retry-After";
    private static final int SNIPPET = 200;

    private HttpFaults() {}

    static FaultException of(HttpResponse<byte[]> answer, URI endpoint) {
        OrganizationServiceFault fault = decode(answer, endpoint);
        int status = answer.statusCode();
        if (status == 429 || status == 503) {
            retryAfterSeconds(answer).ifPresent(s -> fault.errorDetails().putIfAbsent(RETRY_AFTER, s));
        }
        return new FaultException(fault);
    }

    private static OrganizationServiceFault decode(HttpResponse<byte[]> answer, URI endpoint) {
        try {
            return SdkJson.readFault(answer.body());
        } catch (FaultException notAFault) {
            return new OrganizationServiceFault(ErrorCodes.UnExpected, "The server at " + endpoint + " answered HTTP "
                    + answer.statusCode() + " without a fault" + snippet(answer.body()));
        }
    }

    /** The header as seconds; it may also be an HTTP date, which is turned into the seconds left until then. */
    static Optional<Integer> retryAfterSeconds(HttpResponse<?> answer) {
        Optional<String> header = answer.headers().firstValue(RETRY_AFTER).map(String::trim);
        if (header.isEmpty()) return Optional.empty();
        String v = header.get();
        try {
            return Optional.of((int) Math.min(Integer.MAX_VALUE, Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long seconds = Duration.between(Instant.now(), at).toSeconds();
                return Optional.of((int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) return ".";
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), UTF_8).strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text);
    }
}
