package org.xrm4j.sdk.messages;

import org.xrm4j.sdk.OrganizationRequest;

/** Imports a solution file. */
public final class ImportSolutionRequest extends OrganizationRequest {
    public static final String NAME = "ImportSolution";

    public ImportSolutionRequest() { super(NAME); }

    /** A typed view over a request that arrived generic (the codec uses it). */
    public ImportSolutionRequest(java.util.Map<String, Object> parameters) { super(NAME, parameters); }

    public byte[] customizationFile() { return typed("CustomizationFile", byte[].class); }

    public ImportSolutionRequest customizationFile(byte[] value) { set("CustomizationFile", value); return this; }

    public Boolean overwriteUnmanagedCustomizations() { return typed("OverwriteUnmanagedCustomizations", Boolean.class); }

    public ImportSolutionRequest overwriteUnmanagedCustomizations(Boolean value) { set("OverwriteUnmanagedCustomizations", value); return this; }

    public Boolean publishWorkflows() { return typed("PublishWorkflows", Boolean.class); }

    public ImportSolutionRequest publishWorkflows(Boolean value) { set("PublishWorkflows", value); return this; }

    public java.util.UUID importJobId() { return typed("ImportJobId", java.util.UUID.class); }

    public ImportSolutionRequest importJobId(java.util.UUID value) { set("ImportJobId", value); return this; }

    public Boolean holdingSolution() { return typed("HoldingSolution", Boolean.class); }

    public ImportSolutionRequest holdingSolution(Boolean value) { set("HoldingSolution", value); return this; }
}
