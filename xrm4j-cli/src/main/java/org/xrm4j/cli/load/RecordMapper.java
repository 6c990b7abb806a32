package org.xrm4j.cli.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;

/**
 * Turns CSV rows into records of one table, by the header's attribute names. A header the loader cannot use at all
 * (empty or repeated names) is refused up front; anything wrong with one row only (a value in a column the table
 * lacks, a value that does not convert, a wrong field count) rejects that row with the code the server would answer,
 * so the failures file reads the same whichever side found the problem.
 */
public final class RecordMapper {
    private final EntityDefinition table;
    private final List<String> header;
    private final List<EntityDefinition.Column> columns;
    private final int idColumn;

    /** A row that cannot become a record; it is reported and not sent. */
    public static final class RowRejected extends RuntimeException {
        private final transient ErrorCode code;

        RowRejected(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public ErrorCode code() { return code; }
    }

    public RecordMapper(EntityDefinition table, List<String> headerFields) {
        this.table = table;
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headerFields.size(); i++) {
            String name = headerFields.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) throw new IllegalArgumentException("Column " + (i + 1) + " of the header has no name.");
            if (!seen.add(name)) throw new IllegalArgumentException("Column '" + name + "' appears twice in the header.");
            names.add(name);
        }
        this.header = List.copyOf(names);
        this.columns = new ArrayList<>();
        for (String name : header) columns.add(table.columns().get(name));
        this.idColumn = header.indexOf(table.primaryIdAttribute());
    }

    public List<String> header() { return header; }

    /** Whether the header holds the table's primary key, which sets each record's id. */
    public boolean hasPrimaryKey() { return idColumn >= 0; }

    /** Header names that are not attributes of the table; rows with a value there are rejected. */
    public List<String> unknownColumns() {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) if (columns.get(i) == null) unknown.add(header.get(i));
        return unknown;
    }

    /** The record of one row; an empty cell leaves its attribute out. */
    public Entity map(List<String> fields) {
        if (fields.size() != header.size()) {
            throw new RowRejected(ErrorCodes.InvalidArgument, "The row has " + fields.size() + " fields; the header has "
                    + header.size() + ".");
        }
        Entity record = new Entity(table.logicalName());
        for (int i = 0; i < fields.size(); i++) {
            String cell = fields.get(i);
            if (cell.isEmpty()) continue;
            EntityDefinition.Column column = columns.get(i);
            if (column == null) {
                throw new RowRejected(ErrorCodes.QueryBuilderNoAttribute, "'" + table.logicalName()
                        + "' entity doesn't contain attribute with Name = '" + header.get(i) + "'.");
            }
            Object value;
            try {
                value = ColumnConverter.convert(column, cell);
            } catch (IllegalArgumentException e) {
                throw new RowRejected(ErrorCodes.InvalidArgument, header.get(i) + ": " + e.getMessage());
            }
            if (i == idColumn) {
                record.id((UUID) value);
            } else {
                record.set(column.logicalName(), value);
            }
        }
        return record;
    }
}
