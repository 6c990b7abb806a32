package org.xrm4j.server.engine;

import java.util.ArrayList;
import java.util.List;

/** The columns and values of one row write, in matching order. */
final class ColumnValues {
    final List<String> columns = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    void put(String column, Object value) {
        int i = columns.indexOf(column);
        if (i >= 0) {
            values.set(i, value);
        } else {
            columns.add(column);
            values.add(value);
        }
    }

    boolean has(String column) { return columns.contains(column); }

    Object get(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : values.get(i);
    }
}
