package org.xrm4j.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.store.RecordStore;
import org.xrm4j.server.store.StoreException;

/**
 * The organization's {@code xrm_file} table: the bytes of every file and image column, one row per file, keyed by
 * the file id the record's column holds. Every statement runs on the caller's unit of work, so a file appears and
 * disappears in the same transaction as the record change that points at it.
 */
public final class FileStore {
    /** What is known about a stored file without reading its bytes. */
    public record StoredFile(UUID fileId, String entityName, UUID recordId, String attributeName, String fileName,
                             String mimeType, long size) {}

    private FileStore() {}

    public static void insert(ExecutionContext ctx, UUID fileId, EntityMetadata e, UUID recordId, AttributeMetadata a,
                              String fileName, String mimeType, byte[] content) {
        String sql = "INSERT INTO " + table(ctx) + " (fileid, entityname, recordid, attributename, filename, mimetype, filesize,"
                + " content, createdon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection(ctx).prepareStatement(sql)) {
            ps.setObject(1, fileId);
            ps.setString(2, e.logicalName());
            ps.setObject(3, recordId);
            ps.setString(4, a.logicalName());
            ps.setString(5, fileName);
            ps.setString(6, mimeType);
            ps.setLong(7, content.length);
            ps.setBytes(8, content);
            ps.setObject(9, OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot store the file " + fileId, ex);
        }
    }

    /** The file, or {@code null} when no file has that id. */
    public static StoredFile find(ExecutionContext ctx, UUID fileId) {
        String sql = "SELECT entityname, recordid, attributename, filename, mimetype, filesize FROM " + table(ctx) + " WHERE fileid = ?";
        try (PreparedStatement ps = connection(ctx).prepareStatement(sql)) {
            ps.setObject(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new StoredFile(fileId, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6));
            }
        } catch (SQLException ex) {
            throw new StoreException("Cannot read the file " + fileId, ex);
        }
    }

    /** Up to {@code length} bytes from {@code offset} (fewer at the end of the file). */
    public static byte[] read(ExecutionContext ctx, UUID fileId, long offset, int length) {
        try (PreparedStatement ps = connection(ctx).prepareStatement("SELECT content FROM " + table(ctx) + " WHERE fileid = ?")) {
            ps.setObject(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The file " + fileId + " no longer exists.");
                // A stream lets the driver hand over just the range instead of materializing the whole file twice.
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.skipNBytes(offset);
                    return in.readNBytes(length);
                } catch (java.io.EOFException ex) {
                    return new byte[0];
                }
            }
        } catch (SQLException | IOException ex) {
            throw new StoreException("Cannot read the file " + fileId, ex);
        }
    }

    public static void delete(ExecutionContext ctx, UUID fileId) {
        execute(ctx, "DELETE FROM " + table(ctx) + " WHERE fileid = ?", fileId);
    }

    /**
     * Removes the files of {@code e}'s records that no longer exist: a deleted record and the records its delete
     * cascaded to, which the database removed without telling anyone.
     */
    public static void removeOrphans(ExecutionContext ctx, EntityMetadata e) {
        RecordStore store = ctx.organization().store();
        execute(ctx, "DELETE FROM " + table(ctx) + " WHERE entityname = ? AND NOT EXISTS (SELECT 1 FROM " + store.table(e.logicalName())
                + " r WHERE r." + store.quote(e.primaryIdAttribute()) + " = " + table(ctx) + ".recordid)", e.logicalName());
    }

    /** Removes every file of a column (the column is being deleted). */
    public static void removeColumn(ExecutionContext ctx, EntityMetadata e, AttributeMetadata a) {
        try (PreparedStatement ps = connection(ctx).prepareStatement("DELETE FROM " + table(ctx) + " WHERE entityname = ? AND attributename = ?")) {
            ps.setString(1, e.logicalName());
            ps.setString(2, a.logicalName());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot remove the files of " + e.logicalName() + "." + a.logicalName(), ex);
        }
    }

    /** Removes every file of a table (the table is being deleted). */
    public static void removeTable(ExecutionContext ctx, EntityMetadata e) {
        execute(ctx, "DELETE FROM " + table(ctx) + " WHERE entityname = ?", e.logicalName());
    }

    private static void execute(ExecutionContext ctx, String sql, Object param) {
        try (PreparedStatement ps = connection(ctx).prepareStatement(sql)) {
            ps.setObject(1, param);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("File statement failed: " + sql, ex);
        }
    }

    private static Connection connection(ExecutionContext ctx) { return ctx.unitOfWork().connection(); }

    private static String table(ExecutionContext ctx) { return ctx.organization().store().table("xrm_file"); }
}
