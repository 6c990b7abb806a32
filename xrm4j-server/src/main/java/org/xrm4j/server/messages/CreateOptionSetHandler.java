package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateOptionSetRequest;
import org.xrm4j.sdk.messages.CreateOptionSetResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * CreateOptionSet: a global option set (Name with a customization prefix, DisplayName, Description, Options with
 * Value and Label) that choice columns then name in their OptionSetName to share its options. Needs
 * prvCreateOptionSet.
 */
public final class CreateOptionSetHandler implements MessageHandler {
    @Override public String messageName() { return CreateOptionSetRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvCreateOptionSet, "creating an option set");
        OptionSetMetadata set = OptionSetDefinitions.newOptionSet(ctx, CustomizationChanges.current(ctx),
                Arguments.required(request, "OptionSet", ((CreateOptionSetRequest) request).optionSet()));
        CustomizationChanges.saveOptionSet(ctx, set);
        return new CreateOptionSetResponse().optionSetId(MetadataIds.optionSet(set.name()));
    }
}
