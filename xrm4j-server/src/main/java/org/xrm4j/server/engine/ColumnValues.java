package org.xrm4j.server.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns and values of one row write, in the order they were first set. */
final class ColumnValues {
    // Sized for a typical row (its attributes plus about ten the server sets), so filling it never rehashes.
    private final Map<String, Object> values = LinkedHashMap.newLinkedHashMap(32);

    void put(String column, Object value) { values.put(column, value); }

    boolean has(String column) { return values.containsKey(column); }

    Object get(String column) { return values.get(column); }

    List<String> columns() { return new ArrayList<>(values.keySet()); }

    List<Object> values() { return new ArrayList<>(values.values()); }
}
