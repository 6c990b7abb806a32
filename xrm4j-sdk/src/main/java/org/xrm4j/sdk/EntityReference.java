package org.xrm4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A pointer to a record: logical name and id, with the record's primary name when the server knows it, and the
 * version the caller last saw ({@code rowVersion}, the SDK's {@code RowVersion}) for a Delete that must not remove a
 * record someone changed since. Instead of an id a reference may name the record by the values of one of its table's
 * alternate keys ({@code keyAttributes}, the SDK's {@code KeyAttributes}); the server resolves them to the record.
 */
public record EntityReference(String logicalName, UUID id, String name, String rowVersion, Map<String, Object> keyAttributes) {
    public EntityReference {
        Objects.requireNonNull(logicalName, "logicalName");
        keyAttributes = keyAttributes == null || keyAttributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyAttributes));
    }

    public EntityReference(String logicalName, UUID id, String name, String rowVersion) { this(logicalName, id, name, rowVersion, Map.of()); }

    public EntityReference(String logicalName, UUID id) { this(logicalName, id, null, null); }

    /** A reference by alternate key: the key's columns and their values, in any order. */
    public static EntityReference byKey(String logicalName, Map<String, Object> keyAttributes) {
        return new EntityReference(logicalName, null, null, null, keyAttributes);
    }

    public EntityReference(String logicalName, UUID id, String name) { this(logicalName, id, name, null); }

    /** The same reference carrying the version the caller last saw. */
    public EntityReference withRowVersion(String version) { return new EntityReference(logicalName, id, name, version, keyAttributes); }

    /** The same reference with the record's id, once an alternate key has been resolved to it. */
    public EntityReference withId(UUID recordId) { return new EntityReference(logicalName, recordId, name, rowVersion, keyAttributes); }

    /** Two references are the same record when logical name and id match; the display name does not count. */
    public boolean sameRecord(EntityReference other) {
        return other != null && logicalName.equals(other.logicalName) && Objects.equals(id, other.id);
    }
}
