package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;

/**
 * Reads and writes the {@code entitykeymetadata} Entity of the entity key messages, with the platform's rules for a
 * key: a custom name, 1 to 16 existing columns of the types a key index can hold (single line of text, whole
 * number, decimal, date and time, lookup, choice), at most 10 keys per table, and no second key over the same columns.
 */
final class KeyDefinitions {
    static final int MAX_COLUMNS = 16;
    static final int MAX_KEYS = 10;
    private static final Set<AttributeType> KEY_TYPES = EnumSet.of(AttributeType.String, AttributeType.Integer,
            AttributeType.Decimal, AttributeType.DateTime, AttributeType.Lookup, AttributeType.Picklist);

    private KeyDefinitions() {}

    static EntityKeyMetadata key(Entity d, EntityMetadata table) {
        String schema = MetadataDefinitions.schemaName(d, "key");
        String name = MetadataDefinitions.logicalName(d, "key");
        for (EntityKeyMetadata k : table.keys()) {
            if (k.logicalName().equals(name)) {
                throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The table " + table.logicalName() + " already has a key named "
                        + name + ". Choose another SchemaName.");
            }
        }
        List<String> columns = columns(d, table);
        for (EntityKeyMetadata k : table.keys()) {
            if (k.matches(columns)) {
                throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The key " + k.schemaNameOrLogical() + " of " + table.logicalName()
                        + " already consists of the columns " + String.join(", ", columns) + ".");
            }
        }
        if (table.keys().size() >= MAX_KEYS) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The table " + table.logicalName() + " has " + table.keys().size()
                    + " keys already, the most a table may have: delete one first.");
        }
        return new EntityKeyMetadata(name, columns, schema, MetadataDefinitions.text(d, "DisplayName"));
    }

    /** KeyAttributes as a list of column names, or as one comma-separated String. */
    private static List<String> columns(Entity d, EntityMetadata table) {
        List<String> given = new ArrayList<>();
        switch (d.get("KeyAttributes")) {
            case List<?> list -> { for (Object o : list) given.add(String.valueOf(o).trim()); }
            case String s -> { for (String part : s.split(",")) if (!part.isBlank()) given.add(part.trim()); }
            case null, default -> { }
        }
        if (given.isEmpty()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The key needs its KeyAttributes: the logical names of 1 to "
                    + MAX_COLUMNS + " columns of " + table.logicalName() + ".");
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String name : given) {
            if (!columns.add(name)) throw new FaultException(ErrorCodes.InvalidArgument, "The column " + name + " appears twice in the key's KeyAttributes.");
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A key may have at most " + MAX_COLUMNS + " columns, not " + columns.size() + ".");
        }
        for (String name : columns) {
            AttributeMetadata a = table.requireAttribute(name);
            if (!KEY_TYPES.contains(a.type())) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The column " + name + " of " + table.logicalName() + " is of type "
                        + a.type() + ", which a key cannot hold: use String, Integer, Decimal, DateTime, Lookup or Picklist columns.");
            }
        }
        return List.copyOf(columns);
    }

    /** The key as the messages answer it. */
    static Entity entity(EntityMetadata table, EntityKeyMetadata k) {
        Entity e = new Entity("entitykeymetadata")
                .set("LogicalName", k.logicalName())
                .set("SchemaName", k.schemaNameOrLogical())
                .set("MetadataId", MetadataIds.key(table.logicalName(), k.logicalName()))
                .set("EntityLogicalName", table.logicalName())
                .set("KeyAttributes", List.copyOf(k.keyAttributes()))
                // The index is built with the key, in the same transaction: there is no pending or failed state.
                .set("EntityKeyIndexStatus", "Active");
        if (k.displayName() != null) e.set("DisplayName", k.displayName());
        return e;
    }

    /** The table's key of that name, or ObjectDoesNotExist. */
    static EntityKeyMetadata require(EntityMetadata table, String name, java.util.UUID metadataId) {
        for (EntityKeyMetadata k : table.keys()) {
            if (name != null ? k.logicalName().equalsIgnoreCase(name) : MetadataIds.key(table.logicalName(), k.logicalName()).equals(metadataId)) return k;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The table " + table.logicalName() + " has no key "
                + (name != null ? "named " + name : "with MetadataId " + metadataId) + ".");
    }
}
