package org.xrm4j.server.messages;

import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.ImportSolutionResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.SolutionImporter;

/**
 * ImportSolution: installs the tables, columns, option sets and relationships of a solution file, in the request's
 * unit of work (see {@link SolutionImporter}). Requires prvImportCustomization. The platform requires ImportJobId
 * on the synchronous message; a request that arrives without one (a queued job built by hand) gets a new id, so
 * the import still leaves its job row. HoldingSolution stages a managed upgrade for DeleteAndPromote. The response
 * carries no properties, as the platform's does not.
 */
public final class ImportSolutionHandler implements MessageHandler {
    @Override public String messageName() { return ImportSolutionRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        ImportSolutionRequest r = (ImportSolutionRequest) request;
        byte[] file = Arguments.required(request, "CustomizationFile", r.customizationFile());
        if (!ctx.user().has(Privilege.prvImportCustomization)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId() + ") is missing"
                    + " prvImportCustomization privilege: importing solutions needs it.");
        }
        UUID jobId = r.importJobId() != null ? r.importJobId() : UUID.randomUUID();
        SolutionImporter.importSolution(ctx, file, jobId, Boolean.TRUE.equals(r.holdingSolution()),
                Boolean.TRUE.equals(r.overwriteUnmanagedCustomizations()));
        return new ImportSolutionResponse();
    }
}
