package org.xrm4j.sdk.messages;

import java.util.List;
import org.xrm4j.sdk.OrganizationRequest;

/** Ends an upload session: the blocks of BlockList, in that order, become the column's file. */
public final class CommitFileBlocksUploadRequest extends OrganizationRequest {
    public static final String NAME = "CommitFileBlocksUpload";

    public CommitFileBlocksUploadRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public CommitFileBlocksUploadRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public String fileName() { return typed("FileName", String.class); }

    public CommitFileBlocksUploadRequest fileName(String value) { set("FileName", value); return this; }

    public String mimeType() { return typed("MimeType", String.class); }

    public CommitFileBlocksUploadRequest mimeType(String value) { set("MimeType", value); return this; }

    @SuppressWarnings("unchecked")
    public List<String> blockList() { return (List<String>) typed("BlockList", List.class); }

    public CommitFileBlocksUploadRequest blockList(List<String> value) { set("BlockList", List.copyOf(value)); return this; }

    public String fileContinuationToken() { return typed("FileContinuationToken", String.class); }

    public CommitFileBlocksUploadRequest fileContinuationToken(String value) { set("FileContinuationToken", value); return this; }
}
