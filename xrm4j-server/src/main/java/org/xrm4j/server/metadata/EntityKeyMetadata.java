package org.xrm4j.server.metadata;

import java.util.List;
import java.util.Objects;

/**
 * An alternate key of a table (the SDK's EntityKeyMetadata): columns whose values together identify one record, so
 * that clients can address it without its id ({@code accounts(accountnumber='A-1')}).
 */
public record EntityKeyMetadata(String logicalName, List<String> keyAttributes) {
    public EntityKeyMetadata {
        Objects.requireNonNull(logicalName, "logicalName");
        keyAttributes = List.copyOf(keyAttributes);
        if (keyAttributes.isEmpty()) throw new IllegalArgumentException("The key " + logicalName + " names no column");
    }

    /** Whether the key consists of exactly these columns, in any order. */
    public boolean matches(java.util.Collection<String> columns) {
        return columns.size() == keyAttributes.size() && keyAttributes.containsAll(columns);
    }
}
