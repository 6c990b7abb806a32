package org.xrm4j.server.messages;

import java.util.Base64;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UploadBlockRequest;
import org.xrm4j.sdk.messages.UploadBlockResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.files.FileColumns;
import org.xrm4j.server.files.UploadSessions;

/**
 * UploadBlock: keeps one block of an upload session, named by its BlockId (a base64 string, as the platform's block
 * ids are). The blocks kept so far may not pass the column's MaxSizeInKB.
 */
public final class UploadBlockHandler implements MessageHandler {
    @Override public String messageName() { return UploadBlockRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UploadBlockRequest r = (UploadBlockRequest) request;
        String blockId = Arguments.required(request, "BlockId", r.blockId());
        byte[] data = Arguments.required(request, "BlockData", r.blockData());
        if (blockId.isEmpty() || blockId.length() > 256 || !isBase64(blockId)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "BlockId must be a base64 string of at most 256 characters, such as"
                    + " Convert.ToBase64String(Guid.NewGuid().ToByteArray()).");
        }
        UploadSessions.Session s = UploadSessions.require(ctx, r.fileContinuationToken());
        var e = ctx.metadata().entity(s.entityName());
        UploadSessions.putBlock(ctx, s, FileColumns.require(e, s.attributeName()), blockId, data);
        return new UploadBlockResponse();
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
