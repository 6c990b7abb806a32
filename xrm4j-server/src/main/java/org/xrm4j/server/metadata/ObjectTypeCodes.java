package org.xrm4j.server.metadata;

import java.util.Map;

/**
 * ObjectTypeCode, the number the platform gives each table: the built-in tables keep the platform's own codes, a
 * custom table gets the next free code from 10000 when it is created, as on the platform.
 */
public final class ObjectTypeCodes {
    /** The first code of a custom table. */
    public static final int FIRST_CUSTOM = 10000;

    private static final Map<String, Integer> SYSTEM = Map.ofEntries(
            Map.entry("account", 1), Map.entry("contact", 2), Map.entry("lead", 4), Map.entry("systemuser", 8),
            Map.entry("team", 9), Map.entry("businessunit", 10), Map.entry("incident", 112),
            Map.entry("organization", 1019), Map.entry("appointment", 4201), Map.entry("email", 4202),
            Map.entry("phonecall", 4210), Map.entry("task", 4212), Map.entry("importjob", 4413),
            Map.entry("asyncoperation", 4700), Map.entry("solution", 7100), Map.entry("publisher", 7101),
            Map.entry("solutioncomponent", 7103));

    private ObjectTypeCodes() {}

    /** The table's code: its stored one, the platform's for a built-in table, or 0 when it has none. */
    public static int of(EntityMetadata e) {
        if (e.objectTypeCode() > 0) return e.objectTypeCode();
        return SYSTEM.getOrDefault(e.logicalName(), 0);
    }

    /** The code for a new custom table: one above the highest custom code in use. */
    public static int next(Iterable<EntityMetadata> entities) {
        int max = FIRST_CUSTOM - 1;
        for (EntityMetadata e : entities) max = Math.max(max, of(e));
        return max + 1;
    }
}
