package org.xrm4j.server.limits;

import java.time.Duration;
import org.xrm4j.server.engine.DeploymentSettings;

/**
 * The service protection limits in force: requests and combined execution time per user over a sliding window, and
 * concurrent requests per user. A limit of 0 is off; a window of 0 turns off the two limits that need one.
 */
public record ServiceProtectionLimits(long requests, long executionTimeMillis, long concurrency, Duration window) {
    public static final ServiceProtectionLimits OFF = new ServiceProtectionLimits(0, 0, 0, Duration.ZERO);

    public static ServiceProtectionLimits of(DeploymentSettings settings) {
        return new ServiceProtectionLimits(settings.get(DeploymentSettings.SERVICE_PROTECTION_REQUEST_LIMIT),
                settings.get(DeploymentSettings.SERVICE_PROTECTION_EXECUTION_TIME_LIMIT_MS),
                settings.get(DeploymentSettings.SERVICE_PROTECTION_CONCURRENCY_LIMIT),
                Duration.ofSeconds(settings.get(DeploymentSettings.SERVICE_PROTECTION_WINDOW_SECONDS)));
    }

    /** Whether the number of requests over the window is limited. */
    boolean limitsRequests() { return requests > 0 && window.isPositive(); }

    /** Whether the combined execution time over the window is limited. */
    boolean limitsExecutionTime() { return executionTimeMillis > 0 && window.isPositive(); }

    boolean limitsConcurrency() { return concurrency > 0; }

    boolean on() { return limitsRequests() || limitsExecutionTime() || limitsConcurrency(); }
}
