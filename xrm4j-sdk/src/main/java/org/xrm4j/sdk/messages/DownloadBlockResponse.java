package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationResponse;

/** The answer to DownloadBlock: Data. */
public final class DownloadBlockResponse extends OrganizationResponse {
    public static final String NAME = "DownloadBlock";

    public DownloadBlockResponse() { super(NAME); }

    public DownloadBlockResponse(java.util.Map<String, Object> results) { super(NAME, results); }

    public byte[] data() { return typed("Data", byte[].class); }

    public DownloadBlockResponse data(byte[] value) { set("Data", value); return this; }
}
