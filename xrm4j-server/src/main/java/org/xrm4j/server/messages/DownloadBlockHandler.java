package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DownloadBlockRequest;
import org.xrm4j.sdk.messages.DownloadBlockResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileStore;

/** DownloadBlock: up to BlockLength bytes from Offset of the file a download token names (fewer at its end). */
public final class DownloadBlockHandler implements MessageHandler {
    /** The largest block one request answers, so that a response stays well under the request size limits. */
    static final long MAX_BLOCK = 16L * 1024 * 1024;

    @Override public String messageName() { return DownloadBlockRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        DownloadBlockRequest r = (DownloadBlockRequest) request;
        long offset = Arguments.required(request, "Offset", r.offset());
        long length = Arguments.required(request, "BlockLength", r.blockLength());
        if (length < 1 || length > MAX_BLOCK) {
            throw new FaultException(ErrorCodes.InvalidArgument, "BlockLength must be between 1 and " + MAX_BLOCK + " bytes, not " + length + ".");
        }
        FileStore.StoredFile file = DownloadTokens.resolve(ctx, r.fileContinuationToken());
        if (offset < 0 || offset > file.size()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Offset " + offset + " is outside the file, which has " + file.size() + " bytes.");
        }
        int count = (int) Math.min(length, file.size() - offset);
        byte[] data = count == 0 ? new byte[0] : FileStore.read(ctx, file.fileId(), offset, count);
        return new DownloadBlockResponse().data(data);
    }
}
