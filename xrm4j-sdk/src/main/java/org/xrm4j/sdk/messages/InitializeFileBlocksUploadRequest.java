package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;

/** Starts uploading a file or image into one column of one record: answers the FileContinuationToken that names the upload session. */
public final class InitializeFileBlocksUploadRequest extends OrganizationRequest {
    public static final String NAME = "InitializeFileBlocksUpload";

    public InitializeFileBlocksUploadRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public InitializeFileBlocksUploadRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public EntityReference target() { return typed("Target", EntityReference.class); }

    public InitializeFileBlocksUploadRequest target(EntityReference value) { set("Target", value); return this; }

    public String fileAttributeName() { return typed("FileAttributeName", String.class); }

    public InitializeFileBlocksUploadRequest fileAttributeName(String value) { set("FileAttributeName", value); return this; }

    public String fileName() { return typed("FileName", String.class); }

    public InitializeFileBlocksUploadRequest fileName(String value) { set("FileName", value); return this; }
}
