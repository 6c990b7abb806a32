package org.xrm4j.sdk.messages;

import java.util.UUID;
import org.xrm4j.sdk.OrganizationRequest;

/** Deletes a file or image by its id and empties the column that held it. */
public final class DeleteFileRequest extends OrganizationRequest {
    public static final String NAME = "DeleteFile";

    public DeleteFileRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DeleteFileRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public UUID fileId() { return typed("FileId", UUID.class); }

    public DeleteFileRequest fileId(UUID value) { set("FileId", value); return this; }
}
