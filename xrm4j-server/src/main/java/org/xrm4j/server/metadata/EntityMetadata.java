package org.xrm4j.server.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * A table: its names, primary key and primary name, ownership, and columns. Immutable; a metadata change builds a
 * new snapshot (see {@link OrganizationMetadata}). The database table is named after the logical name.
 */
public final class EntityMetadata {
    private final String logicalName;
    private final String schemaName;
    private final String entitySetName;
    private final String primaryIdAttribute;
    private final String primaryNameAttribute;
    private final OwnershipType ownershipType;
    private final boolean activity;
    private final boolean custom;
    private final Map<String, AttributeMetadata> attributes;

    public EntityMetadata(String logicalName, String schemaName, String entitySetName, String primaryIdAttribute,
                          String primaryNameAttribute, OwnershipType ownershipType, boolean activity, boolean custom,
                          List<AttributeMetadata> attributes) {
        this.logicalName = Objects.requireNonNull(logicalName, "logicalName");
        this.schemaName = schemaName == null ? logicalName : schemaName;
        this.entitySetName = entitySetName == null ? logicalName + "s" : entitySetName;
        this.primaryIdAttribute = Objects.requireNonNull(primaryIdAttribute, "primaryIdAttribute");
        this.primaryNameAttribute = primaryNameAttribute;
        this.ownershipType = ownershipType == null ? OwnershipType.UserOwned : ownershipType;
        this.activity = activity;
        this.custom = custom;
        Map<String, AttributeMetadata> m = new LinkedHashMap<>();
        for (AttributeMetadata a : attributes) m.put(a.logicalName(), a);
        this.attributes = Collections.unmodifiableMap(m);
    }

    public String logicalName() { return logicalName; }
    public String schemaName() { return schemaName; }
    public String entitySetName() { return entitySetName; }
    public String primaryIdAttribute() { return primaryIdAttribute; }
    /** The primary name column, or {@code null} for a table without one (importjob). */
    public String primaryNameAttribute() { return primaryNameAttribute; }
    public OwnershipType ownershipType() { return ownershipType; }
    public boolean activity() { return activity; }
    public boolean custom() { return custom; }

    /** Attributes by logical name, in definition order. */
    public Map<String, AttributeMetadata> attributes() { return attributes; }

    public AttributeMetadata attribute(String name) { return attributes.get(name); }

    public boolean has(String name) { return attributes.containsKey(name); }

    /** The attribute, or the fault Dataverse answers for a column the table does not have. */
    public AttributeMetadata requireAttribute(String name) {
        AttributeMetadata a = attributes.get(name);
        if (a == null) {
            throw new FaultException(ErrorCodes.QueryBuilderNoAttribute,
                    "'" + logicalName + "' entity doesn't contain attribute with Name = '" + name + "'.");
        }
        return a;
    }

    public boolean hasState() { return attributes.containsKey("statecode"); }

    public EntityMetadata withAttributes(List<AttributeMetadata> newAttributes) {
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute,
                ownershipType, activity, custom, newAttributes);
    }

    @Override public String toString() { return "EntityMetadata[" + logicalName + "]"; }
}
