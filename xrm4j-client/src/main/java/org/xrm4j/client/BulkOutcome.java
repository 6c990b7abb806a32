package org.xrm4j.client;

import java.util.Objects;
import java.util.Optional;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * What became of one request a {@link BulkExecutor} was given: its 0-based index in the whole input, the request,
 * and its response or its fault. {@link Status#NotExecuted} marks a request that never ran because the run stopped
 * at an earlier fault (ContinueOnError off).
 */
public final class BulkOutcome {
    /** Whether the request ran and how it ended. */
    public enum Status { Succeeded, Faulted, NotExecuted }

    private final long index;
    private final OrganizationRequest request;
    private final Status status;
    private final OrganizationResponse response;
    private final OrganizationServiceFault fault;

    private BulkOutcome(long index, OrganizationRequest request, Status status, OrganizationResponse response,
                        OrganizationServiceFault fault) {
        this.index = index;
        this.request = request;
        this.status = status;
        this.response = response;
        this.fault = fault;
    }

    /** A request that ran; {@code response} may be null for a message that answers nothing by design. */
    static BulkOutcome succeeded(long index, OrganizationRequest request, OrganizationResponse response) {
        return new BulkOutcome(index, request, Status.Succeeded, response, null);
    }

    static BulkOutcome faulted(long index, OrganizationRequest request, OrganizationServiceFault fault) {
        return new BulkOutcome(index, request, Status.Faulted, null, Objects.requireNonNull(fault, "fault"));
    }

    static BulkOutcome notExecuted(long index, OrganizationRequest request) {
        return new BulkOutcome(index, request, Status.NotExecuted, null, null);
    }

    /** The 0-based position of the request in everything given to the executor. */
    public long index() { return index; }

    public OrganizationRequest request() { return request; }

    public Status status() { return status; }

    public boolean succeeded() { return status == Status.Succeeded; }

    /** The request's response; empty unless it succeeded (and for a message that answers nothing). */
    public Optional<OrganizationResponse> response() { return Optional.ofNullable(response); }

    /** The request's fault, or the fault of its whole batch; empty unless it faulted. */
    public Optional<OrganizationServiceFault> fault() { return Optional.ofNullable(fault); }

    @Override public String toString() {
        return "BulkOutcome[" + index + " " + request.requestName() + " " + status + (fault == null ? "" : " " + fault) + "]";
    }
}
