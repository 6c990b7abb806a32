package org.xrm4j.server.messages;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveOptionSetRequest;
import org.xrm4j.sdk.messages.RetrieveOptionSetResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.solutions.CustomizationChanges;

/** RetrieveOptionSet: a global option set by Name or MetadataId. Any caller may read metadata. */
public final class RetrieveOptionSetHandler implements MessageHandler {
    @Override public String messageName() { return RetrieveOptionSetRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        RetrieveOptionSetRequest r = (RetrieveOptionSetRequest) request;
        if (r.name() == null && r.metadataId() == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "RetrieveOptionSet needs the option set's Name or its MetadataId.");
        }
        return new RetrieveOptionSetResponse().optionSetMetadata(OptionSetDefinitions.entity(
                OptionSetDefinitions.require(CustomizationChanges.current(ctx), r.name(), r.metadataId())));
    }
}
