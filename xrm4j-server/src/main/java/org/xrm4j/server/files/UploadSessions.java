package org.xrm4j.server.files;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.store.StoreException;

/**
 * Upload sessions of file and image columns ({@code xrm_fileupload}) and the blocks sent to them
 * ({@code xrm_fileblock}). They live in the database rather than in memory so that a session survives a restart and
 * continues on any server sharing the database. A session belongs to the user who opened it and expires
 * {@link #IDLE} after its last block; expired sessions are removed, with their blocks, whenever a new one opens.
 */
public final class UploadSessions {
    /** How long a session waits for its next block. */
    public static final Duration IDLE = Duration.ofHours(1);

    /** An open session: the column it fills and the file name given when it opened. */
    public record Session(String token, String entityName, UUID recordId, String attributeName, String fileName) {}

    private UploadSessions() {}

    public static String open(ExecutionContext ctx, String entityName, UUID recordId, String attributeName, String fileName) {
        OffsetDateTime now = now(ctx);
        try (PreparedStatement purgeBlocks = connection(ctx).prepareStatement("DELETE FROM " + table(ctx, "xrm_fileblock")
                + " WHERE token IN (SELECT token FROM " + table(ctx, "xrm_fileupload") + " WHERE expireson < ?)");
             PreparedStatement purge = connection(ctx).prepareStatement("DELETE FROM " + table(ctx, "xrm_fileupload") + " WHERE expireson < ?")) {
            purgeBlocks.setObject(1, now);
            purgeBlocks.executeUpdate();
            purge.setObject(1, now);
            purge.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot remove expired upload sessions", ex);
        }
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        String sql = "INSERT INTO " + table(ctx, "xrm_fileupload") + " (token, entityname, recordid, attributename, filename, userid,"
                + " expireson) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection(ctx).prepareStatement(sql)) {
            ps.setString(1, token);
            ps.setString(2, entityName);
            ps.setObject(3, recordId);
            ps.setString(4, attributeName);
            ps.setString(5, fileName);
            ps.setObject(6, ctx.user().userId());
            ps.setObject(7, now.plus(IDLE));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot open an upload session", ex);
        }
        return token;
    }

    /** The caller's live session {@code token}; an unknown, expired or another user's token is a fault. */
    public static Session require(ExecutionContext ctx, String token) {
        if (token == null || token.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileContinuationToken is required: the token InitializeFileBlocksUpload answered.");
        }
        String sql = "SELECT entityname, recordid, attributename, filename FROM " + table(ctx, "xrm_fileupload")
                + " WHERE token = ? AND userid = ? AND expireson >= ?";
        try (PreparedStatement ps = connection(ctx).prepareStatement(sql)) {
            ps.setString(1, token);
            ps.setObject(2, ctx.user().userId());
            ps.setObject(3, now(ctx));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The FileContinuationToken is not an open upload session:"
                            + " it was committed, expired (after " + IDLE.toMinutes() + " minutes without a block) or belongs to another"
                            + " user. Start again with InitializeFileBlocksUpload.");
                }
                return new Session(token, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4));
            }
        } catch (SQLException ex) {
            throw new StoreException("Cannot read the upload session", ex);
        }
    }

    /**
     * Keeps one block (a block sent again under the same id replaces the earlier one) and extends the session. The
     * blocks together may not pass the column's MaxSizeInKB.
     */
    public static void putBlock(ExecutionContext ctx, Session s, AttributeMetadata a, String blockId, byte[] data) {
        long others = 0;
        for (Map.Entry<String, Long> b : blockSizes(ctx, s.token()).entrySet()) if (!b.getKey().equals(blockId)) others += b.getValue();
        checkSize(a, s.entityName(), others + data.length);
        try (PreparedStatement del = connection(ctx).prepareStatement("DELETE FROM " + table(ctx, "xrm_fileblock") + " WHERE token = ? AND blockid = ?");
             PreparedStatement ins = connection(ctx).prepareStatement("INSERT INTO " + table(ctx, "xrm_fileblock")
                     + " (token, blockid, blocksize, data) VALUES (?, ?, ?, ?)");
             PreparedStatement touch = connection(ctx).prepareStatement("UPDATE " + table(ctx, "xrm_fileupload") + " SET expireson = ? WHERE token = ?")) {
            del.setString(1, s.token());
            del.setString(2, blockId);
            del.executeUpdate();
            ins.setString(1, s.token());
            ins.setString(2, blockId);
            ins.setLong(3, data.length);
            ins.setBytes(4, data);
            ins.executeUpdate();
            touch.setObject(1, now(ctx).plus(IDLE));
            touch.setString(2, s.token());
            touch.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot keep the block " + blockId, ex);
        }
    }

    /** The file the blocks of {@code blockList} make, in that order; a block that was not sent is a fault. */
    public static byte[] assemble(ExecutionContext ctx, Session s, AttributeMetadata a, List<String> blockList) {
        Map<String, Long> sizes = blockSizes(ctx, s.token());
        long total = 0;
        for (String id : blockList) {
            Long size = sizes.get(id);
            if (size == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The block '" + id + "' of BlockList was not uploaded in this session"
                        + " (send it with UploadBlock first).");
            }
            total += size;
        }
        checkSize(a, s.entityName(), total);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        try (PreparedStatement ps = connection(ctx).prepareStatement("SELECT data FROM " + table(ctx, "xrm_fileblock")
                + " WHERE token = ? AND blockid = ?")) {
            for (String id : blockList) {
                ps.setString(1, s.token());
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.writeBytes(rs.getBytes(1));
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("Cannot read the blocks of an upload session", ex);
        }
        return out.toByteArray();
    }

    public static void close(ExecutionContext ctx, Session s) {
        try (PreparedStatement blocks = connection(ctx).prepareStatement("DELETE FROM " + table(ctx, "xrm_fileblock") + " WHERE token = ?");
             PreparedStatement session = connection(ctx).prepareStatement("DELETE FROM " + table(ctx, "xrm_fileupload") + " WHERE token = ?")) {
            blocks.setString(1, s.token());
            blocks.executeUpdate();
            session.setString(1, s.token());
            session.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("Cannot close the upload session", ex);
        }
    }

    /** The largest file xrm4j stores: one database value (PostgreSQL's bytea holds at most 1 GB), assembled in memory. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** A file over the column's MaxSizeInKB (or over {@link #MAX_FILE_BYTES}) is refused before it is stored. */
    static void checkSize(AttributeMetadata a, String entityName, long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new FaultException(ErrorCodes.Validation, "The file is " + bytes + " bytes; this server stores files of at most "
                    + MAX_FILE_BYTES + " bytes (1 GB), whatever the column's MaxSizeInKB.");
        }
        long max = (long) a.maxLength() * 1024;
        if (bytes > max) {
            throw new FaultException(ErrorCodes.Validation, "The file is " + bytes + " bytes, larger than the " + a.maxLength()
                    + " KB (MaxSizeInKB) the column " + a.logicalName() + " of " + entityName + " accepts.");
        }
    }

    private static Map<String, Long> blockSizes(ExecutionContext ctx, String token) {
        Map<String, Long> sizes = new HashMap<>();
        try (PreparedStatement ps = connection(ctx).prepareStatement("SELECT blockid, blocksize FROM " + table(ctx, "xrm_fileblock") + " WHERE token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sizes.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException ex) {
            throw new StoreException("Cannot read the blocks of an upload session", ex);
        }
        return sizes;
    }

    private static OffsetDateTime now(ExecutionContext ctx) { return OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC); }

    private static Connection connection(ExecutionContext ctx) { return ctx.unitOfWork().connection(); }

    private static String table(ExecutionContext ctx, String name) { return ctx.organization().store().table(name); }
}
