package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.FileStore;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * InitializeFileBlocksDownload: the file an existing record's file or image column holds (a read of the record):
 * its size, its name, and the FileContinuationToken DownloadBlock reads it with. The token names the file itself,
 * so a download needs no session: once the column holds another file, the token stops working.
 */
public final class InitializeFileBlocksDownloadHandler implements MessageHandler {
    @Override public String messageName() { return InitializeFileBlocksDownloadRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        InitializeFileBlocksDownloadRequest r = (InitializeFileBlocksDownloadRequest) request;
        EntityReference target = Arguments.record(ctx, request, "Target", r.target());
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        AttributeMetadata a = FileColumns.require(e, r.fileAttributeName());
        UUID fileId = FileColumns.fileId(ctx, e, target.id(), a);
        FileStore.StoredFile file = fileId == null ? null : FileStore.find(ctx, fileId);
        if (file == null) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "No file attachment found for attribute: " + a.logicalName()
                    + " EntityId: " + target.id() + ".");
        }
        return new InitializeFileBlocksDownloadResponse().fileContinuationToken(DownloadTokens.of(file))
                .fileSizeInBytes(file.size()).fileName(file.fileName()).isChunkingSupported(true);
    }
}
