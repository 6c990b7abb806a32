package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.UploadSessions;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * InitializeFileBlocksUpload: opens an upload session for one file or image column of an existing record (a write of
 * the record) and answers its FileContinuationToken. Nothing changes on the record until the session is committed.
 */
public final class InitializeFileBlocksUploadHandler implements MessageHandler {
    @Override public String messageName() { return InitializeFileBlocksUploadRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        InitializeFileBlocksUploadRequest r = (InitializeFileBlocksUploadRequest) request;
        EntityReference target = Arguments.record(ctx, request, "Target", r.target());
        String fileName = Arguments.required(request, "FileName", r.fileName());
        if (fileName.isBlank() || fileName.length() > 1024) {
            throw new FaultException(ErrorCodes.InvalidArgument, "FileName must be 1 to 1024 characters.");
        }
        EntityMetadata e = FileColumns.table(ctx, target);
        AttributeMetadata a = FileColumns.require(e, r.fileAttributeName());
        String token = UploadSessions.open(ctx, e.logicalName(), target.id(), a.logicalName(), fileName);
        return new InitializeFileBlocksUploadResponse().fileContinuationToken(token);
    }
}
