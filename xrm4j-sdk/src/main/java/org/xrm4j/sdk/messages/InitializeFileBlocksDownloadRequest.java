package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;

/** Starts downloading the file or image of one column of one record. */
public final class InitializeFileBlocksDownloadRequest extends OrganizationRequest {
    public static final String NAME = "InitializeFileBlocksDownload";

    public InitializeFileBlocksDownloadRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public InitializeFileBlocksDownloadRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public InitializeFileBlocksDownloadRequest target(EntityReference value) { set("Target", value); return this; }

    public String fileAttributeName() { return typed("FileAttributeName", String.class); }

    public InitializeFileBlocksDownloadRequest fileAttributeName(String value) { set("FileAttributeName", value); return this; }
}
