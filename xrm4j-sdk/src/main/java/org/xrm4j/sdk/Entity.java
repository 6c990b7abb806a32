package org.xrm4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A record: a logical name, an id and an attribute bag, as the SDK's {@code Entity}.
 *
 * <p>An attribute that is present with a {@code null} value means "clear this column" on a write, which is why
 * {@link #contains(String)} and {@link #get(String)} are distinct. The id is {@code null} until the record has one
 * (the SDK's {@code Guid.Empty}).
 */
public final class Entity {
    private String logicalName;
    private UUID id;
    private String rowVersion;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, String> formattedValues = new LinkedHashMap<>();
    private final Map<String, Object> keyAttributes = new LinkedHashMap<>();

    public Entity(String logicalName) {
        this.logicalName = Objects.requireNonNull(logicalName, "logicalName");
    }

    public Entity(String logicalName, UUID id) {
        this(logicalName);
        this.id = id;
    }

    public String logicalName() { return logicalName; }

    public Entity logicalName(String name) { this.logicalName = Objects.requireNonNull(name); return this; }

    /** The record id, or {@code null} when none was set. */
    public UUID id() { return id; }

    public Entity id(UUID id) { this.id = id; return this; }

    /**
     * The record's version as it was read (the SDK's {@code RowVersion}), or {@code null}. Update with
     * {@link ConcurrencyBehavior#IfRowVersionMatches} writes only while the stored version still equals it.
     */
    public String rowVersion() { return rowVersion; }

    public Entity rowVersion(String value) { this.rowVersion = value; return this; }

    public Map<String, Object> attributes() { return attributes; }

    /**
     * The values of an alternate key of the table that name the record when it has no id (the SDK's
     * {@code KeyAttributes}): Update and Upsert resolve them to the record, and a Create by Upsert stores them.
     */
    public Map<String, Object> keyAttributes() { return keyAttributes; }

    public Map<String, String> formattedValues() { return formattedValues; }

    public boolean contains(String attribute) { return attributes.containsKey(attribute); }

    public Object get(String attribute) { return attributes.get(attribute); }

    /** The attribute's value cast to {@code type}; {@code null} when absent. */
    public <T> T get(String attribute, Class<T> type) { return type.cast(attributes.get(attribute)); }

    public Entity set(String attribute, Object value) { attributes.put(attribute, value); return this; }

    public Object remove(String attribute) { return attributes.remove(attribute); }

    public EntityReference toEntityReference() { return new EntityReference(logicalName, id); }

    @Override public boolean equals(Object o) {
        return o instanceof Entity e && logicalName.equals(e.logicalName) && Objects.equals(id, e.id)
                && attributes.equals(e.attributes) && formattedValues.equals(e.formattedValues);
    }

    @Override public int hashCode() { return Objects.hash(logicalName, id, attributes); }

    @Override public String toString() { return "Entity[" + logicalName + "(" + id + ") " + attributes + "]"; }
}
