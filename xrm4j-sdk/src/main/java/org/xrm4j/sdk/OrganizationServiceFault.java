package org.xrm4j.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fault every error carries to a client: a catalogued code, a message a person can act on, and details. */
public class OrganizationServiceFault {
    private final int errorCode;
    private final String message;
    private final Map<String, Object> errorDetails;
    private final Instant timestamp;
    private final OrganizationServiceFault innerFault;
    private final String traceText;

    public OrganizationServiceFault(int errorCode, String message, Map<String, Object> errorDetails, Instant timestamp,
                                    OrganizationServiceFault innerFault, String traceText) {
        this.errorCode = errorCode;
        this.message = Objects.requireNonNull(message, "message");
        this.errorDetails = new LinkedHashMap<>(errorDetails);
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.innerFault = innerFault;
        this.traceText = traceText;
    }

    public OrganizationServiceFault(ErrorCode code, String message) {
        this(code.code(), message, Map.of(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), null, null);
    }

    public int errorCode() { return errorCode; }
    public String message() { return message; }
    public Map<String, Object> errorDetails() { return errorDetails; }
    public Instant timestamp() { return timestamp; }
    /** The wrapped fault, or {@code null}. */
    public OrganizationServiceFault innerFault() { return innerFault; }
    /** Plug-in trace text, or {@code null}. */
    public String traceText() { return traceText; }

    /** The catalogue entry for this fault's code. */
    public ErrorCode catalogued() { return ErrorCodes.forCode(errorCode); }

    @Override public boolean equals(Object o) {
        return o instanceof OrganizationServiceFault f && getClass() == f.getClass() && errorCode == f.errorCode
                && message.equals(f.message) && errorDetails.equals(f.errorDetails) && timestamp.equals(f.timestamp)
                && Objects.equals(innerFault, f.innerFault) && Objects.equals(traceText, f.traceText);
    }

    @Override public int hashCode() { return Objects.hash(errorCode, message); }

    @Override public String toString() { return catalogued().hex() + " " + message; }
}
