package org.xrm4j.sdk;

import java.util.Objects;
import java.util.UUID;

/** A pointer to a record: logical name and id, with the record's primary name when the server knows it. */
public record EntityReference(String logicalName, UUID id, String name) {
    public EntityReference {
        Objects.requireNonNull(logicalName, "logicalName");
    }

    public EntityReference(String logicalName, UUID id) { this(logicalName, id, null); }

    /** Two references are the same record when logical name and id match; the display name does not count. */
    public boolean sameRecord(EntityReference other) {
        return other != null && logicalName.equals(other.logicalName) && Objects.equals(id, other.id);
    }
}
