package org.xrm4j.client;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * Which whole-batch faults are worth resending, and after how long. A fault is retryable when the server said it
 * ran nothing and asked for a pause: ServerBusy, the service protection codes, or any fault carrying Retry-After.
 */
final class RetryPolicy {
    static final String RETRY_AFTER = "Retry-After";
    static final String MAX_BATCH_SIZE = "MaxBatchSize";
    /** The generic "Too many requests." code of the platform (0x8005F103), which the catalogue does not hold. */
    static final int GENERIC_THROTTLING = 0x8005F103;
    private static final Set<Integer> RETRYABLE = Set.of(ErrorCodes.ServerBusy.code(),
            ErrorCodes.ThrottlingBurstRequestLimitExceededError.code(), ErrorCodes.ThrottlingTimeExceededError.code(),
            ErrorCodes.ThrottlingConcurrencyLimitExceededError.code(), GENERIC_THROTTLING);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    int maxRetries() { return maxRetries; }

    static boolean retryable(OrganizationServiceFault fault) {
        return RETRYABLE.contains(fault.errorCode()) || fault.errorDetails().containsKey(RETRY_AFTER);
    }

    /** The wait before retry number {@code attempt} (from 1): the server's Retry-After, else 2^(attempt-1) × initial. */
    Duration delay(OrganizationServiceFault fault, int attempt) {
        return retryAfter(fault).orElseGet(() -> {
            long factor = 1L << Math.min(attempt - 1, 30);
            Duration d = initialBackoff.multipliedBy(factor);
            return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
        });
    }

    /** Retry-After as the HTTP client writes it (seconds, a number), or as a TimeSpan-like text ("PT5S", "00:00:05"). */
    static Optional<Duration> retryAfter(OrganizationServiceFault fault) {
        Object v = fault.errorDetails().get(RETRY_AFTER);
        if (v instanceof Duration d) return Optional.of(d);
        if (v instanceof Number n) return Optional.of(Duration.ofMillis(Math.max(0, Math.round(n.doubleValue() * 1000))));
        if (v instanceof String s) return parse(s.trim());
        return Optional.empty();
    }

    private static Optional<Duration> parse(String s) {
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(s) * 1000))));
        } catch (NumberFormatException notSeconds) {
            // fall through to the duration forms
        }
        try {
            return Optional.of(Duration.parse(s));
        } catch (DateTimeParseException notIso) {
            // fall through to hh:mm:ss
        }
        String[] parts = s.split(":");
        if (parts.length != 3) return Optional.empty();
        try {
            return Optional.of(Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusMillis(Math.round(Double.parseDouble(parts[2]) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The size the server asked for on a MaxBatchSize fault, when that is what {@code fault} is. */
    static Optional<Integer> maxBatchSize(OrganizationServiceFault fault) {
        if (fault.errorCode() != ErrorCodes.NotSupported.code()) return Optional.empty();
        Object v = fault.errorDetails().get(MAX_BATCH_SIZE);
        if (v instanceof Number n) return Optional.of(n.intValue());
        if (v instanceof String s) {
            try {
                return Optional.of(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
