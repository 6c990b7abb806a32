package org.xrm4j.server.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * The faults of a refused request, with the platform's messages and codes and {@code ErrorDetails["Retry-After"]} as a
 * TimeSpan; the HTTP surfaces answer them 429 with the same wait in a {@code Retry-After} header (whole seconds).
 */
final class ThrottlingFaults {
    static final String RETRY_AFTER = "Retry-After";
    /** Nothing tells when a running request will end; a second is a short wait that does not make a client spin. */
    static final Duration CONCURRENCY_RETRY = Duration.ofSeconds(1);

    private ThrottlingFaults() {}

    static FaultException requests(ServiceProtectionLimits limits, Duration retryAfter) {
        return fault(ErrorCodes.ThrottlingBurstRequestLimitExceededError, "Number of requests exceeded the limit of "
                + limits.requests() + " over time window of " + limits.window().toSeconds() + " seconds.", retryAfter);
    }

    static FaultException executionTime(ServiceProtectionLimits limits, Duration retryAfter) {
        return fault(ErrorCodes.ThrottlingTimeExceededError, String.format(Locale.ROOT,
                "Combined execution time of incoming requests exceeded limit of %,d milliseconds over time window of %d seconds."
                        + " Decrease number of concurrent requests or reduce the duration of requests and try again later.",
                limits.executionTimeMillis(), limits.window().toSeconds()), retryAfter);
    }

    static FaultException concurrency(ServiceProtectionLimits limits) {
        return fault(ErrorCodes.ThrottlingConcurrencyLimitExceededError, "Number of concurrent requests exceeded the limit of "
                + limits.concurrency() + ".", CONCURRENCY_RETRY);
    }

    private static FaultException fault(ErrorCode code, String message, Duration retryAfter) {
        return FaultException.withDetails(code, message, Map.of(RETRY_AFTER, retryAfter));
    }
}
