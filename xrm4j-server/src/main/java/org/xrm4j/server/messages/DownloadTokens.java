package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.FileStore;

/**
 * A download's FileContinuationToken: the file id with a prefix that tells it from an upload token. DownloadBlock
 * checks again that the record still holds the file, so the token grants no more than reading the record does.
 */
final class DownloadTokens {
    private static final String PREFIX = "download:";

    private DownloadTokens() {}

    static String of(FileStore.StoredFile file) { return PREFIX + file.fileId(); }

    static FileStore.StoredFile resolve(ExecutionContext ctx, String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileContinuationToken must be the token InitializeFileBlocksDownload answered.");
        }
        UUID fileId;
        try {
            fileId = UUID.fromString(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileContinuationToken must be the token InitializeFileBlocksDownload answered.");
        }
        FileStore.StoredFile file = FileStore.find(ctx, fileId);
        if (file != null) {
            var e = ctx.metadata().entity(file.entityName());
            var a = e.attribute(file.attributeName());
            if (a != null && fileId.equals(FileColumns.fileId(ctx, e, file.recordId(), a))) return file;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The file of this FileContinuationToken no longer exists: it was"
                + " replaced or deleted. Start again with InitializeFileBlocksDownload.");
    }
}
