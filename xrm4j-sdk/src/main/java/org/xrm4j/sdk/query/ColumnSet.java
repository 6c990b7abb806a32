package org.xrm4j.sdk.query;

import java.util.List;

/** Which columns a read returns: all of them, or the named ones. */
public record ColumnSet(boolean allColumns, List<String> columns) {
    public static final ColumnSet ALL = new ColumnSet(true, List.of());

    public ColumnSet { columns = List.copyOf(columns); }

    public ColumnSet(String... columns) { this(false, List.of(columns)); }

    public static ColumnSet all() { return ALL; }
}
