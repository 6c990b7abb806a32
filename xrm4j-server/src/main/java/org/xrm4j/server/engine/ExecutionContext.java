package org.xrm4j.server.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.query.QueryScope;
import org.xrm4j.server.security.Caller;

/**
 * Everything one request runs with: the organization and its metadata snapshot, the effective user (the
 * impersonated one under CallerId), the initiating user (always the authenticated caller), the call depth, the
 * correlation id shared by nested calls, and the unit of work once one is open.
 */
public final class ExecutionContext {
    private final Organization organization;
    private final OrganizationMetadata metadata;
    private final Caller user;
    private final Caller initiatingUser;
    private final int depth;
    private final UUID correlationId;
    private final Instant now;
    private UnitOfWork unitOfWork;

    private ExecutionContext(Organization organization, OrganizationMetadata metadata, Caller user, Caller initiatingUser,
                             int depth, UUID correlationId, Instant now, UnitOfWork unitOfWork) {
        this.organization = organization;
        this.metadata = metadata;
        this.user = user;
        this.initiatingUser = initiatingUser;
        this.depth = depth;
        this.correlationId = correlationId;
        this.now = now;
        this.unitOfWork = unitOfWork;
    }

    /** A top-level request's context (depth 0: the pipeline counts the first call as depth 1). */
    public static ExecutionContext root(Organization org, Caller user, Caller initiatingUser, Instant now) {
        return new ExecutionContext(org, org.metadata(), user, initiatingUser, 0, UUID.randomUUID(),
                now.truncatedTo(ChronoUnit.SECONDS), null);
    }

    /**
     * The context a system job runs in: the users who queued it, the depth and correlation it was queued with (the
     * pipeline adds one level, as for any call), and a unit of work the job runner owns.
     */
    public static ExecutionContext forJob(Organization org, Caller user, Caller initiatingUser, Instant now,
                                          UUID correlationId, int depth, UnitOfWork unitOfWork) {
        return new ExecutionContext(org, org.metadata(), user, initiatingUser, depth - 1, correlationId,
                now.truncatedTo(ChronoUnit.SECONDS), unitOfWork);
    }

    /** The context of a call made from inside this one: one level deeper, same transaction and correlation. */
    public ExecutionContext nested() {
        return new ExecutionContext(organization, metadata, user, initiatingUser, depth + 1, correlationId, now, unitOfWork);
    }

    /**
     * The context for one item of a batch, with its own unit of work. Items run at the batch's own depth: they are
     * the caller's requests, not calls made by the batch (the pipeline adds the one level back).
     */
    public ExecutionContext forItem() {
        return new ExecutionContext(organization, metadata, user, initiatingUser, depth - 1, correlationId, now, null);
    }

    /** As {@link #forItem()}, but joining this context's unit of work (ExecuteTransaction, or a batch in a plug-in). */
    public ExecutionContext forItemInTransaction() {
        return new ExecutionContext(organization, metadata, user, initiatingUser, depth - 1, correlationId, now, unitOfWork);
    }

    /** The same caller and request in another unit of work: for rows that commit apart from the request's own. */
    public ExecutionContext inUnitOfWork(UnitOfWork other) {
        return new ExecutionContext(organization, metadata, user, initiatingUser, depth, correlationId, now, other);
    }

    public Organization organization() { return organization; }
    public OrganizationMetadata metadata() { return metadata; }
    public Caller user() { return user; }
    public Caller initiatingUser() { return initiatingUser; }
    public boolean impersonating() { return !user.userId().equals(initiatingUser.userId()); }
    public int depth() { return depth; }
    public UUID correlationId() { return correlationId; }
    /** The request's time, to the second, used for createdon/modifiedon. */
    public Instant now() { return now; }
    public QueryScope queryScope() { return new QueryScope(user.userId(), user.businessUnitId(), now); }

    /** The open unit of work; only inside the pipeline's transactional part. */
    public UnitOfWork unitOfWork() {
        if (unitOfWork == null) throw new IllegalStateException("no unit of work is open");
        return unitOfWork;
    }

    public boolean inTransaction() { return unitOfWork != null; }

    void unitOfWork(UnitOfWork uow) { this.unitOfWork = uow; }
}
