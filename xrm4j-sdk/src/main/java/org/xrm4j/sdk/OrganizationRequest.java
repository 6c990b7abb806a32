package org.xrm4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to the Organization service: a request name and a parameter bag, exactly as the SDK's
 * {@code OrganizationRequest}. The typed requests in {@code org.xrm4j.sdk.messages} are views over the same bag, so a
 * request travels the same way whether it was built typed or generic.
 */
public class OrganizationRequest {
    private final String requestName;
    private UUID requestId;
    private final Map<String, Object> parameters;

    public OrganizationRequest(String requestName) { this(requestName, new LinkedHashMap<>()); }

    public OrganizationRequest(String requestName, Map<String, Object> parameters) {
        this.requestName = Objects.requireNonNull(requestName, "requestName");
        this.parameters = new LinkedHashMap<>(parameters);
    }

    public String requestName() { return requestName; }

    /** The optional request id the caller chose; {@code null} when none. */
    public UUID requestId() { return requestId; }

    public OrganizationRequest requestId(UUID id) { this.requestId = id; return this; }

    public Map<String, Object> parameters() { return parameters; }

    public Object get(String name) { return parameters.get(name); }

    public OrganizationRequest set(String name, Object value) { parameters.put(name, value); return this; }

    /**
     * The named value as {@code type}, or {@code null} when absent. A value of another type is a fault that names the
     * parameter: a typed view never fails with a ClassCastException.
     */
    protected final <T> T typed(String name, Class<T> type) {
        Object v = parameters.get(name);
        if (v == null || type.isInstance(v)) return type.cast(v);
        throw new FaultException(ErrorCodes.InvalidArgument, "Parameter '" + name + "' of " + requestName + " must be "
                + type.getSimpleName() + ", but a " + v.getClass().getSimpleName() + " was given.");
    }

    @Override public boolean equals(Object o) {
        return o instanceof OrganizationRequest r && requestName.equals(r.requestName)
                && Objects.equals(requestId, r.requestId) && parameters.equals(r.parameters);
    }

    @Override public int hashCode() { return Objects.hash(requestName, parameters); }

    @Override public String toString() { return requestName + parameters; }
}
