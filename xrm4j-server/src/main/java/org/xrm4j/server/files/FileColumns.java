package org.xrm4j.server.files;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * The file and image columns of records: which column a request names, which file a record's column holds, and
 * setting or emptying it. A column is set only here (Create and Update leave file columns alone, as the platform
 * does), and each change stamps the record's modifiedon/modifiedby and versionnumber like any other write.
 */
public final class FileColumns {
    private FileColumns() {}

    /** The file or image column {@code name} of {@code table}; anything else is a fault naming what is expected. */
    public static AttributeMetadata require(EntityMetadata table, String name) {
        if (name == null || name.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileAttributeName is required: the name of a file or image column of "
                    + table.logicalName() + ".");
        }
        AttributeMetadata a = table.attribute(name.toLowerCase(java.util.Locale.ROOT));
        if (a == null) {
            throw new FaultException(ErrorCodes.QueryBuilderNoAttribute, "The table " + table.logicalName() + " has no column named '"
                    + name + "'.");
        }
        if (!a.type().isFile()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The column " + a.logicalName() + " of " + table.logicalName()
                    + " is of type " + a.type() + "; files are stored in File or Image columns only.");
        }
        return a;
    }

    /** The file the record's column holds, {@code null} when empty; the record must exist. */
    public static UUID fileId(ExecutionContext ctx, EntityMetadata e, UUID recordId, AttributeMetadata a) {
        var store = ctx.organization().store();
        List<UUID> ids = store.ids(ctx.unitOfWork().connection(), "SELECT " + store.quote(a.logicalName()) + " FROM "
                + store.table(e.logicalName()) + " WHERE " + store.quote(e.primaryIdAttribute()) + " = ?", List.of(recordId));
        if (ids.isEmpty()) throw Records.notFound(e, recordId);
        return ids.getFirst();
    }

    /** Points the record's column at {@code fileId} ({@code null} empties it). */
    public static void set(ExecutionContext ctx, EntityMetadata e, UUID recordId, AttributeMetadata a, UUID fileId) {
        List<String> columns = new ArrayList<>(List.of(a.logicalName()));
        List<Object> values = new ArrayList<>();
        values.add(fileId);
        if (e.has("modifiedon")) { columns.add("modifiedon"); values.add(OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC)); }
        if (e.has("modifiedby")) { columns.add("modifiedby"); values.add(ctx.user().userId()); }
        if (!ctx.organization().store().update(ctx.unitOfWork().connection(), e, recordId, columns, values)) {
            throw Records.notFound(e, recordId);
        }
    }

    /** The record a reference names, checked to exist. */
    public static EntityMetadata table(ExecutionContext ctx, EntityReference target) {
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        if (!Records.exists(ctx, e, target.id())) throw Records.notFound(e, target.id());
        return e;
    }
}
