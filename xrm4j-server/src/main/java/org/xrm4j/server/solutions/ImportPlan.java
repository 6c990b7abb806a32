package org.xrm4j.server.solutions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;

/**
 * Everything an import will change, decided before the first statement runs, so that a file the server cannot
 * install faults while the organization is still untouched.
 */
final class ImportPlan {
    /** A solutioncomponent row: the component type of the reference (1 entity, 2 attribute, 9 option set, 10 relationship, 14 key). */
    record Component(int type, String schemaName, UUID objectId) {}

    /**
     * One line of the import log: {@code kind} is the log's element name (entity, attribute, optionSet, relationship,
     * or component for a component that was skipped).
     */
    record LogEntry(String kind, String name, String result, String errorText) {}

    final List<EntityMetadata> newEntities = new ArrayList<>();
    /** Columns to add to tables that already exist, by table. */
    final Map<String, List<AttributeMetadata>> addedColumns = new LinkedHashMap<>();
    /** Existing columns the file defines differently, as they will be, by table. */
    final Map<String, List<AttributeMetadata>> changedColumns = new LinkedHashMap<>();
    /** Relationships to create: the new tables' system ones and the file's. */
    final List<RelationshipMetadata> newRelationships = new ArrayList<>();
    /** Alternate keys to define, by table: each gets its unique index once the table's columns exist. */
    final Map<String, List<org.xrm4j.server.metadata.EntityKeyMetadata>> newKeys = new LinkedHashMap<>();
    final List<Component> components = new ArrayList<>();
    final List<LogEntry> log = new ArrayList<>();

    void component(int type, String schemaName) {
        components.add(new Component(type, schemaName, objectId(type, schemaName)));
    }

    void log(String kind, String name, String result, String errorText) { log.add(new LogEntry(kind, name, result, errorText)); }

    /** A stable id per component, so that a re-import registers the same objects. */
    static UUID objectId(int type, String schemaName) {
        return UUID.nameUUIDFromBytes((type + ":" + schemaName).getBytes(StandardCharsets.UTF_8));
    }

    boolean changesSchema() { return !newEntities.isEmpty() || !addedColumns.isEmpty() || !newRelationships.isEmpty() || !newKeys.isEmpty(); }
}
