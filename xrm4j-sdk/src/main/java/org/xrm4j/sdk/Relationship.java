package org.xrm4j.sdk;

import java.util.Objects;

/** A relationship named by its schema name (for Associate and Disassociate). */
public record Relationship(String schemaName) {
    public Relationship { Objects.requireNonNull(schemaName, "schemaName"); }
}
