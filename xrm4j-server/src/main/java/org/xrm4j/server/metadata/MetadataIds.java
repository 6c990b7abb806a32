package org.xrm4j.server.metadata;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The MetadataId of a table, column, relationship or option set. Definitions are stored by name, so their ids are
 * derived from it: stable across restarts and nodes, and equal to the objectid of the solutioncomponent row a
 * solution import writes for the same component (component type and name, as the importer derives it).
 */
public final class MetadataIds {
    private MetadataIds() {}

    public static UUID entity(String logicalName) { return of(1, logicalName); }

    public static UUID attribute(String entity, String attribute) { return of(2, entity + "." + attribute); }

    public static UUID optionSet(String name) { return of(9, name); }

    public static UUID relationship(String schemaName) { return of(10, schemaName); }

    /** An alternate key (component type 14), named {@code table.key}. */
    public static UUID key(String entity, String key) { return of(14, entity + "." + key); }

    /** The id for a component type (solutioncomponent.componenttype) and name. */
    public static UUID of(int componentType, String name) {
        return UUID.nameUUIDFromBytes((componentType + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
