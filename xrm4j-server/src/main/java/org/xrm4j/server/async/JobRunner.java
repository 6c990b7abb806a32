package org.xrm4j.server.async;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.security.Caller;
import org.xrm4j.server.security.UserDirectory;
import org.xrm4j.server.store.Database;

/**
 * Runs one claimed job: the queued request through the pipeline as the user who queued it, in one transaction on
 * the async pool, ending the job in that same transaction. A crash before the commit leaves no trace of the run;
 * the expired lease then puts the job back in the queue. A client's cancel (or pause) seen at the end rolls the
 * work back instead.
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Database jobs;
    private final Pipeline pipeline;
    private final AsyncQueue queue;
    private final Clock clock;
    private final String host;

    JobRunner(Database jobs, Pipeline pipeline, AsyncQueue queue, Clock clock, String host) {
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.queue = queue;
        this.clock = clock;
        this.host = host;
    }

    void run(Organization org, Job job) {
        long started = System.nanoTime();
        Integer errorCode = null;
        String message = null;
        String friendly = null;
        boolean succeeded = false;
        try (UnitOfWork uow = UnitOfWork.begin(jobs)) {
            try {
                OrganizationRequest request = SdkJson.readRequest(job.data().getBytes(StandardCharsets.UTF_8));
                ExecutionContext ctx = ExecutionContext.forJob(org, caller(org, job.userId()), caller(org, job.initiatingUserId()),
                        clock.instant(), job.correlationId(), job.depth(), uow);
                pipeline.execute(ctx, request);
                if (queue.finish(uow.connection(), org.schema(), job.id(), host, 30, clock.instant(), millis(started), null, null, null)) {
                    uow.commit();
                    succeeded = true;
                    return;
                }
            } catch (FaultException e) {
                errorCode = e.errorCode();
                message = e.getMessage();
                friendly = "The system job failed: " + e.getMessage();
            } catch (RuntimeException e) {
                LOG.error("System job {} failed unexpectedly", job.id(), e);
                errorCode = ErrorCodes.UnExpected.code();
                message = "An unexpected error occurred while running the job: " + e.getClass().getSimpleName();
                friendly = "The system job failed because of an unexpected error on the server.";
            } catch (SQLException e) {
                LOG.error("System job {} could not be completed", job.id(), e);
                errorCode = ErrorCodes.UnExpected.code();
                message = "The job's result could not be saved.";
                friendly = message;
            }
            uow.rollback();
        } finally {
            if (succeeded) jobs.flush();
            else end(org, job, started, errorCode, message, friendly);
        }
    }

    /** After a rollback: failed, or canceled / paused when a client asked for that meanwhile. */
    private void end(Organization org, Job job, long started, Integer errorCode, String message, String friendly) {
        try (UnitOfWork uow = UnitOfWork.begin(jobs)) {
            int status = queue.heartbeat(uow.connection(), org.schema(), job.id(), host, clock.instant());
            int end = status == 22 ? 32 : status == 21 ? 10 : 31;
            if (end == 31 && errorCode == null) return;
            queue.finish(uow.connection(), org.schema(), job.id(), host, end, clock.instant(), millis(started),
                    end == 31 ? errorCode : null, end == 31 ? message : null, end == 31 ? friendly : null);
            uow.commit();
            jobs.flush();
        } catch (SQLException | RuntimeException e) {
            // The lease will expire and the job will be recovered; nothing is lost by giving up here.
            LOG.error("Cannot record the end of system job {}", job.id(), e);
        }
    }

    private static Caller caller(Organization org, java.util.UUID userId) {
        Optional<UserDirectory.User> u = org.users().find(userId);
        if (u.isEmpty() || u.get().disabled()) {
            throw new FaultException(ErrorCodes.InvalidCallerId, "The user " + userId + " who queued the job is no longer an enabled user.");
        }
        return new Caller(u.get().userId(), u.get().businessUnitId(), u.get().privileges(), false);
    }

    private static double millis(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e4) / 100.0;
    }
}
