package org.xrm4j.server.http;

import java.time.Duration;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * The HTTP {@code Retry-After} header of a "busy" fault (429, 503): whole seconds, rounded up, from the fault's
 * {@code ErrorDetails["Retry-After"]}, which is a TimeSpan (Duration) or a number of seconds; 1 when it has none.
 */
public final class RetryAfter {
    private RetryAfter() {}

    public static String header(OrganizationServiceFault fault) {
        Object v = fault.errorDetails().get("Retry-After");
        long seconds = switch (v) {
            case Duration d -> d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
            case Number n -> (long) Math.ceil(n.doubleValue());
            case null, default -> 1;
        };
        // A wait of nothing would only make a client resend at once into the same refusal.
        return Long.toString(Math.max(1, seconds));
    }
}
