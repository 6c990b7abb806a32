package org.xrm4j.server.metadata;

import java.util.List;
import java.util.Objects;

/**
 * An alternate key of a table (the SDK's EntityKeyMetadata): columns whose values together identify one record, so
 * that clients can address it without its id ({@code accounts(accountnumber='A-1')}). The database holds a unique
 * index over the columns (see {@code DdlEngine#createKeyIndex}), built when the key is defined, so the key is always
 * Active. {@code schemaName} and {@code displayName} may be absent in definitions stored before they existed.
 */
public record EntityKeyMetadata(String logicalName, List<String> keyAttributes, String schemaName, String displayName) {
    public EntityKeyMetadata {
        Objects.requireNonNull(logicalName, "logicalName");
        keyAttributes = List.copyOf(keyAttributes);
        if (keyAttributes.isEmpty()) throw new IllegalArgumentException("The key " + logicalName + " names no column");
    }

    public EntityKeyMetadata(String logicalName, List<String> keyAttributes) { this(logicalName, keyAttributes, null, null); }

    /** The SchemaName, or the logical name for a key defined without one. */
    public String schemaNameOrLogical() { return schemaName != null ? schemaName : logicalName; }

    /** Whether the key consists of exactly these columns, in any order. */
    public boolean matches(java.util.Collection<String> columns) {
        return columns.size() == keyAttributes.size() && keyAttributes.containsAll(columns);
    }
}
