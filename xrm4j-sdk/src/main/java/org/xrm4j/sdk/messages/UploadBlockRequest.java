package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Sends one block of an upload session's data; blocks are named by BlockId (a base64 string) and put in order when committed. */
public final class UploadBlockRequest extends OrganizationRequest {
    public static final String NAME = "UploadBlock";

    public UploadBlockRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public UploadBlockRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public String blockId() { return typed("BlockId", String.class); }

    public UploadBlockRequest blockId(String value) { set("BlockId", value); return this; }

    public byte[] blockData() { return typed("BlockData", byte[].class); }

    public UploadBlockRequest blockData(byte[] value) { set("BlockData", value); return this; }

    public String fileContinuationToken() { return typed("FileContinuationToken", String.class); }

    public UploadBlockRequest fileContinuationToken(String value) { set("FileContinuationToken", value); return this; }
}
