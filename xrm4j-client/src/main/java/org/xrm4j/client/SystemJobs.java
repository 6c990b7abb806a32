package org.xrm4j.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationService;
import org.xrm4j.sdk.query.ColumnSet;

/**
 * Following system jobs (asyncoperation rows) from a client: wait for a job queued with ExecuteAsync to end, polling
 * with back-off (from 100 ms, doubling to at most 5 s) so that a short job is seen ending quickly and a long one
 * costs few requests.
 */
public final class SystemJobs {
    /** The columns a job's outcome is read from. */
    public static final ColumnSet OUTCOME = new ColumnSet("name", "messagename", "operationtype", "statecode", "statuscode",
            "errorcode", "message", "friendlymessage", "createdon", "startedon", "completedon", "retrycount", "executiontimespan");

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final OrganizationService service;
    private final Clock clock;
    private final Sleeper sleeper;

    /** How the helper waits between polls; tests replace it. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public SystemJobs(OrganizationService service) { this(service, Clock.systemUTC(), d -> Thread.sleep(d)); }

    public SystemJobs(OrganizationService service, Clock clock, Sleeper sleeper) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A job did not end within the time allowed; {@link #lastSeen()} is its row at the last poll. */
    public static final class WaitTimeoutException extends RuntimeException {
        private final transient Entity lastSeen;

        WaitTimeoutException(UUID id, Duration timeout, Entity lastSeen) {
            super("System job " + id + " did not end within " + timeout.toSeconds() + " s (status "
                    + status(lastSeen) + ").");
            this.lastSeen = lastSeen;
        }

        public Entity lastSeen() { return lastSeen; }
    }

    /** The job's row now. */
    public Entity retrieve(UUID jobId) { return service.retrieve("asyncoperation", jobId, OUTCOME); }

    /** Waits until the job is completed (statecode 3: succeeded 30, failed 31 or canceled 32) and returns its row. */
    public Entity waitFor(UUID jobId, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = FIRST_POLL;
        while (true) {
            Entity job = retrieve(jobId);
            if (state(job) == 3) return job;
            if (!clock.instant().isBefore(deadline)) throw new WaitTimeoutException(jobId, timeout, job);
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for system job " + jobId, e);
            }
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    /** Asks for the job to be canceled: at once when it waits, at its next checkpoint when it runs. */
    public void cancel(UUID jobId) {
        service.update(new Entity("asyncoperation", jobId).set("statecode", new OptionSetValue(3)).set("statuscode", new OptionSetValue(32)));
    }

    public static int state(Entity job) { return job.get("statecode") instanceof OptionSetValue o ? o.value() : -1; }

    public static int status(Entity job) { return job.get("statuscode") instanceof OptionSetValue o ? o.value() : -1; }
}
