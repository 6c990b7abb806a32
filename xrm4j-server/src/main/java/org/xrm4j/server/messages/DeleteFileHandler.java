package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteFileRequest;
import org.xrm4j.sdk.messages.DeleteFileResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.FileStore;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * DeleteFile: deletes a file or image by its id (the value its record's column shows) and empties that column, a
 * write of the record, in one transaction.
 */
public final class DeleteFileHandler implements MessageHandler {
    @Override public String messageName() { return DeleteFileRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UUID fileId = Arguments.required(request, "FileId", ((DeleteFileRequest) request).fileId());
        FileStore.StoredFile file = FileStore.find(ctx, fileId);
        if (file == null) throw new FaultException(ErrorCodes.ObjectDoesNotExist, "No file with FileId = " + fileId + " exists.");
        EntityMetadata e = ctx.metadata().entity(file.entityName());
        var a = FileColumns.require(e, file.attributeName());
        if (fileId.equals(FileColumns.fileId(ctx, e, file.recordId(), a))) FileColumns.set(ctx, e, file.recordId(), a, null);
        FileStore.delete(ctx, fileId);
        return new DeleteFileResponse();
    }
}
