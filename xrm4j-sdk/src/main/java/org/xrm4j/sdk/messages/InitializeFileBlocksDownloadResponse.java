package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to InitializeFileBlocksDownload: FileContinuationToken, FileSizeInBytes, FileName, IsChunkingSupported. */
public final class InitializeFileBlocksDownloadResponse extends OrganizationResponse {
    public static final String NAME = "InitializeFileBlocksDownload";

    public InitializeFileBlocksDownloadResponse() { super(NAME); }

    public InitializeFileBlocksDownloadResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public String fileContinuationToken() { return typed("FileContinuationToken", String.class); }

    public InitializeFileBlocksDownloadResponse fileContinuationToken(String value) { set("FileContinuationToken", value); return this; }

    public Long fileSizeInBytes() { Number n = typed("FileSizeInBytes", Number.class); return n == null ? null : n.longValue(); }

    public InitializeFileBlocksDownloadResponse fileSizeInBytes(long value) { set("FileSizeInBytes", value); return this; }

    public String fileName() { return typed("FileName", String.class); }

    public InitializeFileBlocksDownloadResponse fileName(String value) { set("FileName", value); return this; }

    public Boolean isChunkingSupported() { return typed("IsChunkingSupported", Boolean.class); }

    public InitializeFileBlocksDownloadResponse isChunkingSupported(boolean value) { set("IsChunkingSupported", value); return this; }
}
