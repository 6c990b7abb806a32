package org.xrm4j.sdk;

import java.util.Map;

/**
 * An {@link OrganizationServiceFault} thrown: what {@code FaultException<OrganizationServiceFault>} is to the SDK.
 * The engine raises it for every business error and the client raises it for every fault the server answers.
 */
public class FaultException extends RuntimeException {
    private final transient OrganizationServiceFault fault;

    public FaultException(OrganizationServiceFault fault) {
        super(fault.message(), null, false, false);
        this.fault = fault;
    }

    /** A fault raised because of {@code cause}, such as the I/O error that kept a client from reaching the server. */
    public FaultException(OrganizationServiceFault fault, Throwable cause) {
        super(fault.message(), cause, false, false);
        this.fault = fault;
    }

    public FaultException(ErrorCode code, String message) { this(new OrganizationServiceFault(code, message)); }

    public FaultException(ErrorCode code) { this(code, code.message()); }

    /** A fault with error details, such as {@code MaxBatchSize} on a batch that is too large. */
    public static FaultException withDetails(ErrorCode code, String message, Map<String, Object> details) {
        OrganizationServiceFault f = new OrganizationServiceFault(code, message);
        f.errorDetails().putAll(details);
        return new FaultException(f);
    }

    public OrganizationServiceFault fault() { return fault; }

    public int errorCode() { return fault.errorCode(); }
}
