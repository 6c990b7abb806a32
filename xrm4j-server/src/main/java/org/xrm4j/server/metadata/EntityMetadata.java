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
    private final Labels labels;
    private final int objectTypeCode;

    /**
     * The names people read (language 1033): what the Web API answers as DisplayName, DisplayCollectionName and
     * Description. Any may be {@code null}; readers then show the schema name.
     */
    public record Labels(String displayName, String displayCollectionName, String description) {
        public static final Labels NONE = new Labels(null, null, null);
    }
    private final List<EntityKeyMetadata> keys;

    public EntityMetadata(String logicalName, String schemaName, String entitySetName, String primaryIdAttribute,
                          String primaryNameAttribute, OwnershipType ownershipType, boolean activity, boolean custom,
                          List<AttributeMetadata> attributes) {
        this(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute, ownershipType, activity,
                custom, attributes, Labels.NONE, 0, List.of());
    }

    public EntityMetadata(String logicalName, String schemaName, String entitySetName, String primaryIdAttribute,
                          String primaryNameAttribute, OwnershipType ownershipType, boolean activity, boolean custom,
                          List<AttributeMetadata> attributes, List<EntityKeyMetadata> keys) {
        this(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute, ownershipType, activity,
                custom, attributes, Labels.NONE, 0, keys);
    }

    public EntityMetadata(String logicalName, String schemaName, String entitySetName, String primaryIdAttribute,
                          String primaryNameAttribute, OwnershipType ownershipType, boolean activity, boolean custom,
                          List<AttributeMetadata> attributes, Labels labels, int objectTypeCode) {
        this(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute, ownershipType, activity,
                custom, attributes, labels, objectTypeCode, List.of());
    }

    /** {@code objectTypeCode} 0 means "not assigned": the built-in tables have the platform's codes (see ObjectTypeCodes). */
    public EntityMetadata(String logicalName, String schemaName, String entitySetName, String primaryIdAttribute,
                          String primaryNameAttribute, OwnershipType ownershipType, boolean activity, boolean custom,
                          List<AttributeMetadata> attributes, Labels labels, int objectTypeCode, List<EntityKeyMetadata> keys) {
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
        this.labels = labels == null ? Labels.NONE : labels;
        this.objectTypeCode = objectTypeCode;
        this.keys = keys == null ? List.of() : List.copyOf(keys);
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
    public Labels labels() { return labels; }
    /** The stored type code, or 0 when none was assigned (see {@link ObjectTypeCodes#of}). */
    public int objectTypeCode() { return objectTypeCode; }

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

    /** The table's alternate keys. */
    public List<EntityKeyMetadata> keys() { return keys; }

    public EntityMetadata withKeys(List<EntityKeyMetadata> newKeys) {
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute,
                ownershipType, activity, custom, List.copyOf(attributes.values()), labels, objectTypeCode, newKeys);
    }

    public boolean hasState() { return attributes.containsKey("statecode"); }

    public EntityMetadata withAttributes(List<AttributeMetadata> newAttributes) {
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute,
                ownershipType, activity, custom, newAttributes, labels, objectTypeCode, keys);
    }

    public EntityMetadata withLabels(Labels newLabels) {
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute,
                ownershipType, activity, custom, List.copyOf(attributes.values()), newLabels, objectTypeCode, keys);
    }

    public EntityMetadata withObjectTypeCode(int code) {
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryIdAttribute, primaryNameAttribute,
                ownershipType, activity, custom, List.copyOf(attributes.values()), labels, code, keys);
    }

    @Override public String toString() { return "EntityMetadata[" + logicalName + "]"; }
}
