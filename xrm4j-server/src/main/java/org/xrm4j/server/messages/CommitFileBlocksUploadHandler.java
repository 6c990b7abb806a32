package org.xrm4j.server.messages;

import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Ids;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.FileStore;
import org.xrm4j.server.files.UploadSessions;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * CommitFileBlocksUpload: the blocks of BlockList, in that order, become the column's file, in one transaction: the
 * new file is stored, the record's column points at it, the file it held before is deleted and the session closes.
 */
public final class CommitFileBlocksUploadHandler implements MessageHandler {
    @Override public String messageName() { return CommitFileBlocksUploadRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        CommitFileBlocksUploadRequest r = (CommitFileBlocksUploadRequest) request;
        String fileName = Arguments.required(request, "FileName", r.fileName());
        List<String> blockList = Arguments.required(request, "BlockList", r.blockList());
        String mimeType = r.mimeType() == null || r.mimeType().isBlank() ? "application/octet-stream" : r.mimeType();
        if (fileName.isBlank() || fileName.length() > 1024) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileName must be 1 to 1024 characters.");
        }
        UploadSessions.Session s = UploadSessions.require(ctx, r.fileContinuationToken());
        EntityMetadata e = ctx.metadata().entity(s.entityName());
        AttributeMetadata a = FileColumns.require(e, s.attributeName());
        byte[] content = UploadSessions.assemble(ctx, s, a, blockList);
        UUID previous = FileColumns.fileId(ctx, e, s.recordId(), a);
        UUID fileId = Ids.next();
        FileStore.insert(ctx, fileId, e, s.recordId(), a, fileName, mimeType, content);
        FileColumns.set(ctx, e, s.recordId(), a, fileId);
        if (previous != null) FileStore.delete(ctx, previous);
        UploadSessions.close(ctx, s);
        return new CommitFileBlocksUploadResponse().fileId(fileId).fileSizeInBytes(content.length);
    }
}
