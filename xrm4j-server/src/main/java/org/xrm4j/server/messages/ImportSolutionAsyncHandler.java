package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.ImportSolutionAsyncRequest;
import org.xrm4j.sdk.messages.ImportSolutionAsyncResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.server.async.AsyncService;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.security.Privilege;

/**
 * ImportSolutionAsync: queues the import as a system job (operation type 203) and answers its AsyncOperationId
 * and the ImportJobKey, the id of the importjob row the job will write, as a string as the platform answers it.
 * The privilege is checked now, so a caller who may not import learns it at once; problems with the file end the
 * job as failed, and its import job says why.
 */
public final class ImportSolutionAsyncHandler implements MessageHandler {
    private final AsyncService async;

    public ImportSolutionAsyncHandler(AsyncService async) { this.async = async; }

    @Override public String messageName() { return ImportSolutionAsyncRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        ImportSolutionAsyncRequest r = (ImportSolutionAsyncRequest) request;
        byte[] file = Arguments.required(request, "CustomizationFile", r.customizationFile());
        if (!ctx.user().has(Privilege.prvImportCustomization)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId() + ") is missing"
                    + " prvImportCustomization privilege: importing solutions needs it. Nothing was queued.");
        }
        UUID importJobId = UUID.randomUUID();
        ImportSolutionRequest job = new ImportSolutionRequest().customizationFile(file).importJobId(importJobId);
        if (r.overwriteUnmanagedCustomizations() != null) job.overwriteUnmanagedCustomizations(r.overwriteUnmanagedCustomizations());
        if (r.publishWorkflows() != null) job.publishWorkflows(r.publishWorkflows());
        if (r.holdingSolution() != null) job.holdingSolution(r.holdingSolution());
        job.requestId(request.requestId());
        UUID asyncOperationId = async.enqueueSolutionImport(ctx, job);
        return new ImportSolutionAsyncResponse().asyncOperationId(asyncOperationId).importJobKey(importJobId.toString());
    }
}
