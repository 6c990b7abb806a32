package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Imports a solution file as a system job. */
public final class ImportSolutionAsyncRequest extends OrganizationRequest {
    public static final String NAME = "ImportSolutionAsync";

    public ImportSolutionAsyncRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public ImportSolutionAsyncRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public byte[] customizationFile() { return typed("CustomizationFile", byte[].class); }

    public ImportSolutionAsyncRequest customizationFile(byte[] value) { set("CustomizationFile", value); return this; }

    public Boolean overwriteUnmanagedCustomizations() { return typed("OverwriteUnmanagedCustomizations", Boolean.class); }

    public ImportSolutionAsyncRequest overwriteUnmanagedCustomizations(Boolean value) { set("OverwriteUnmanagedCustomizations", value); return this; }

    public Boolean publishWorkflows() { return typed("PublishWorkflows", Boolean.class); }

    public ImportSolutionAsyncRequest publishWorkflows(Boolean value) { set("PublishWorkflows", value); return this; }

    public Boolean holdingSolution() { return typed("HoldingSolution", Boolean.class); }

    public ImportSolutionAsyncRequest holdingSolution(Boolean value) { set("HoldingSolution", value); return this; }
}
