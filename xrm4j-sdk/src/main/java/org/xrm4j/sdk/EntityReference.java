package org.xrm4j.sdk;

import java.util.Objects;
import java.util.UUID;

/**
 * A pointer to a record: logical name and id, with the record's primary name when the server knows it, and the
 * version the caller last saw ({@code rowVersion}, the SDK's {@code RowVersion}) for a Delete that must not remove a
 * record someone changed since.
 */
public record EntityReference(String logicalName, UUID id, String name, String rowVersion) {
    public EntityReference {
        Objects.requireNonNull(logicalName, "logicalName");
    }

    public EntityReference(String logicalName, UUID id) { this(logicalName, id, null, null); }

    public EntityReference(String logicalName, UUID id, String name) { this(logicalName, id, name, null); }

    /** The same reference carrying the version the caller last saw. */
    public EntityReference withRowVersion(String version) { return new EntityReference(logicalName, id, name, version); }

    /** Two references are the same record when logical name and id match; the display name does not count. */
    public boolean sameRecord(EntityReference other) {
        return other != null && logicalName.equals(other.logicalName) && Objects.equals(id, other.id);
    }
}
