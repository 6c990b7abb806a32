package org.xrm4j.sdk;

import java.time.Instant;
import java.util.Map;

/** The fault of a failed ExecuteTransaction: the failing request's fault plus its index in Requests. */
public final class ExecuteTransactionFault extends OrganizationServiceFault {
    private final int faultedRequestIndex;

    public ExecuteTransactionFault(int errorCode, String message, Map<String, Object> errorDetails, Instant timestamp,
                                   OrganizationServiceFault innerFault, String traceText, int faultedRequestIndex) {
        super(errorCode, message, errorDetails, timestamp, innerFault, traceText);
        this.faultedRequestIndex = faultedRequestIndex;
    }

    /** The transaction fault for {@code cause}, which the request at {@code index} raised. */
    public static ExecuteTransactionFault of(OrganizationServiceFault cause, int index) {
        return new ExecuteTransactionFault(cause.errorCode(), cause.message(), cause.errorDetails(), cause.timestamp(),
                cause.innerFault(), cause.traceText(), index);
    }

    public int faultedRequestIndex() { return faultedRequestIndex; }

    @Override public boolean equals(Object o) {
        return super.equals(o) && ((ExecuteTransactionFault) o).faultedRequestIndex == faultedRequestIndex;
    }

    @Override public int hashCode() { return super.hashCode() * 31 + faultedRequestIndex; }
}
