package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Reads BlockLength bytes from Offset of a download session's file. */
public final class DownloadBlockRequest extends OrganizationRequest {
    public static final String NAME = "DownloadBlock";

    public DownloadBlockRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public DownloadBlockRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public Long offset() { Number n = typed("Offset", Number.class); return n == null ? null : n.longValue(); }

    public DownloadBlockRequest offset(long value) { set("Offset", value); return this; }

    public Long blockLength() { Number n = typed("BlockLength", Number.class); return n == null ? null : n.longValue(); }

    public DownloadBlockRequest blockLength(long value) { set("BlockLength", value); return this; }

    public String fileContinuationToken() { return typed("FileContinuationToken", String.class); }

    public DownloadBlockRequest fileContinuationToken(String value) { set("FileContinuationToken", value); return this; }
}
