package org.xrm4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The answer to an {@link OrganizationRequest}: a response name and a result bag. */
public class OrganizationResponse {
    private final String responseName;
    private final Map<String, Object> results;

    public OrganizationResponse(String responseName) { this(responseName, new LinkedHashMap<>()); }

    public OrganizationResponse(String responseName, Map<String, Object> results) {
        this.responseName = Objects.requireNonNull(responseName, "responseName");
        this.results = new LinkedHashMap<>(results);
    }

    public String responseName() { return responseName; }

    public Map<String, Object> results() { return results; }

    public Object get(String name) { return results.get(name); }

    public OrganizationResponse set(String name, Object value) { results.put(name, value); return this; }

    /**
     * The named value as {@code type}, or {@code null} when absent. A value of another type is a fault that names the
     * parameter: a typed view never fails with a ClassCastException.
     */
    protected final <T> T typed(String name, Class<T> type) {
        Object v = results.get(name);
        if (v == null || type.isInstance(v)) return type.cast(v);
        throw new FaultException(ErrorCodes.InvalidArgument, "Parameter '" + name + "' of " + responseName + " must be "
                + type.getSimpleName() + ", but a " + v.getClass().getSimpleName() + " was given.");
    }

    @Override public boolean equals(Object o) {
        return o instanceof OrganizationResponse r && responseName.equals(r.responseName) && results.equals(r.results);
    }

    @Override public int hashCode() { return Objects.hash(responseName, results); }

    @Override public String toString() { return responseName + results; }
}
