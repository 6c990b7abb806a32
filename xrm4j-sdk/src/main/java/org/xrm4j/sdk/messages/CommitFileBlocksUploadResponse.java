package org.xrm4j.sdk.messages;

import java.util.UUID;
import org.xrm4j.sdk.OrganizationResponse;

/** The answer to CommitFileBlocksUpload: FileId, FileSizeInBytes. */
public final class CommitFileBlocksUploadResponse extends OrganizationResponse {
    public static final String NAME = "CommitFileBlocksUpload";

    public CommitFileBlocksUploadResponse() { super(NAME); }

    public CommitFileBlocksUploadResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public UUID fileId() { return typed("FileId", UUID.class); }

    public CommitFileBlocksUploadResponse fileId(UUID value) { set("FileId", value); return this; }

    public Long fileSizeInBytes() { Number n = typed("FileSizeInBytes", Number.class); return n == null ? null : n.longValue(); }

    public CommitFileBlocksUploadResponse fileSizeInBytes(long value) { set("FileSizeInBytes", value); return this; }
}
