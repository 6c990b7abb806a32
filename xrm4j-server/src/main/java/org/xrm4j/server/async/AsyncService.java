package org.xrm4j.server.async;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.store.Database;

/**
 * The asynchronous service: workers that take system jobs from the asyncoperation tables and run them.
 *
 * <p>A dispatcher thread wakes when a job is queued (an in-process signal; on PostgreSQL also LISTEN/NOTIFY, so a
 * job queued through another server process wakes this one) or every poll interval, and claims jobs for idle
 * workers, organization by organization. Jobs run on their own small connection pool ({@code jobs}) and a bounded
 * number of virtual threads, so a burst of jobs cannot take the interactive requests' connections. Running jobs
 * renew their lease; a job whose lease expires (its server died) is claimed again by any server.
 */
public final class AsyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncService.class);
    static final String CHANNEL = "xrm4j_jobs";

    private final Deployment deployment;
    private final Database jobs;
    private final DeploymentSettings settings;
    private final Clock clock;
    private final AsyncQueue queue;
    private final JobRunner runner;
    private final String host = "xrm4j-" + UUID.randomUUID();
    private final Semaphore workers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore wake = new Semaphore(0);
    private final Map<UUID, Organization> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private volatile Instant lastPurge = Instant.EPOCH;
    private Thread dispatcher;
    private Thread heartbeat;
    private Thread listener;

    public AsyncService(Deployment deployment, Pipeline pipeline, Database jobs, DeploymentSettings settings, Clock clock) {
        this.deployment = deployment;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.queue = new AsyncQueue(jobs.dialect());
        this.runner = new JobRunner(jobs, pipeline, queue, clock, host);
        this.workers = new Semaphore((int) settings.get(DeploymentSettings.ASYNC_WORKERS));
    }

    public void start() {
        dispatcher = Thread.ofPlatform().name("xrm4j-async-dispatcher").daemon().start(this::dispatch);
        heartbeat = Thread.ofPlatform().name("xrm4j-async-heartbeat").daemon().start(this::renewLeases);
        if (jobs.dialect().name().equals("postgresql")) {
            listener = Thread.ofPlatform().name("xrm4j-async-listener").daemon().start(this::listen);
        }
    }

    /** Queues {@code request} as a system job in the caller's transaction; workers wake when it commits. */
    public UUID enqueue(ExecutionContext ctx, OrganizationRequest request, EntityReference regarding) {
        return enqueue(ctx, request, regarding, AsyncQueue.EXECUTE_ASYNC_OPERATION);
    }

    /** Queues an ImportSolution as the platform's own import job (operation type 203), for ImportSolutionAsync. */
    public UUID enqueueSolutionImport(ExecutionContext ctx, OrganizationRequest request) {
        return enqueue(ctx, request, null, AsyncQueue.IMPORT_SOLUTION_OPERATION);
    }

    private UUID enqueue(ExecutionContext ctx, OrganizationRequest request, EntityReference regarding, int operationType) {
        UUID id = queue.enqueue(ctx, request, regarding, operationType);
        if (jobs.dialect().name().equals("postgresql")) notifyOthers(ctx);
        ctx.unitOfWork().afterCommit(this::signal);
        return id;
    }

    /** Wakes the dispatcher now instead of at its next poll. */
    public void signal() { wake.release(); }

    private void notifyOthers(ExecutionContext ctx) {
        try (Statement s = ctx.unitOfWork().connection().createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        } catch (SQLException e) {
            LOG.warn("NOTIFY failed; other servers find the job at their next poll", e);
        }
    }

    private void dispatch() {
        while (!stopped) {
            try {
                purgeWhenDue();
                boolean claimedAny = false;
                for (String name : deployment.organizationNames()) {
                    if (stopped || workers.availablePermits() == 0) break;
                    claimedAny |= claimFor(deployment.organization(name));
                }
                // After a claim there may be more to take at once; otherwise sleep until signaled or the next poll.
                if (!claimedAny) wake.tryAcquire(settings.get(DeploymentSettings.ASYNC_POLL_MILLIS), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("The job dispatcher hit an error; it goes on", e);
                sleepQuietly(1000);
            }
        }
    }

    /** Completed jobs older than the retention setting go, at most once every ten minutes. */
    private void purgeWhenDue() {
        if (Duration.between(lastPurge, clock.instant()).toMinutes() < 10) return;
        lastPurge = clock.instant();
        purge();
    }

    /** Deletes the completed jobs older than AsyncRetentionDays (0: keep them); answers how many went. */
    int purge() {
        long days = settings.get(DeploymentSettings.ASYNC_RETENTION_DAYS);
        if (days <= 0) return 0;
        int purged = 0;
        for (String name : deployment.organizationNames()) {
            try (Connection c = jobs.connection()) {
                purged += queue.purge(c, deployment.organization(name).schema(), clock.instant().minus(Duration.ofDays(days)));
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Cannot purge old jobs of organization {}", name, e);
            }
        }
        return purged;
    }

    private boolean claimFor(Organization org) {
        if (!workers.tryAcquire()) return false;
        Optional<Job> job;
        try (Connection c = jobs.connection()) {
            job = queue.claim(c, org.schema(), host, clock, lease(),
                    (int) settings.get(DeploymentSettings.ASYNC_MAX_RUNNING_PER_ORG), (int) settings.get(DeploymentSettings.ASYNC_MAX_RETRIES));
        } catch (SQLException | RuntimeException e) {
            workers.release();
            LOG.warn("Cannot claim a job of organization {}", org.uniqueName(), e);
            return false;
        }
        if (job.isEmpty()) {
            workers.release();
            return false;
        }
        running.put(job.get().id(), org);
        executor.submit(() -> {
            try {
                runner.run(org, job.get());
            } finally {
                running.remove(job.get().id());
                workers.release();
                signal();
            }
        });
        return true;
    }

    private void renewLeases() {
        while (!stopped) {
            sleepQuietly(lease().toMillis() / 3);
            for (Map.Entry<UUID, Organization> e : running.entrySet()) {
                try (Connection c = jobs.connection()) {
                    queue.heartbeat(c, e.getValue().schema(), e.getKey(), host, clock.instant().plus(lease()));
                } catch (SQLException | RuntimeException ex) {
                    LOG.warn("Cannot renew the lease of job {}", e.getKey(), ex);
                }
            }
        }
    }

    /** PostgreSQL: jobs queued by other server processes wake this one at once. */
    private void listen() {
        while (!stopped) {
            try (Connection c = jobs.connection(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                while (!stopped) {
                    org.postgresql.PGNotification[] n = pg.getNotifications(500);
                    if (n != null && n.length > 0) signal();
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.warn("LISTEN failed; relying on polling for a while", e);
                    sleepQuietly(5000);
                }
            }
        }
    }

    private Duration lease() { return Duration.ofSeconds(settings.get(DeploymentSettings.ASYNC_LEASE_SECONDS)); }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        stopped = true;
        for (Thread t : new Thread[] {dispatcher, heartbeat, listener}) if (t != null) t.interrupt();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
