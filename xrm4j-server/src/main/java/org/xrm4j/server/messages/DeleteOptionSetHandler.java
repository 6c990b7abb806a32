package org.xrm4j.server.messages;

import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.DeleteOptionSetRequest;
import org.xrm4j.sdk.messages.DeleteOptionSetResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * DeleteOptionSet: removes a global option set by Name. While a column uses it the set stays (CannotDeleteDueToAssociation,
 * naming the columns): delete those columns first, as on the platform. Needs prvDeleteOptionSet.
 */
public final class DeleteOptionSetHandler implements MessageHandler {
    @Override public String messageName() { return DeleteOptionSetRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvDeleteOptionSet, "deleting an option set");
        OrganizationMetadata metadata = CustomizationChanges.current(ctx);
        OptionSetMetadata set = OptionSetDefinitions.require(metadata, Arguments.required(request, "Name", ((DeleteOptionSetRequest) request).name()), null);
        List<String> columns = OptionSetDefinitions.usedByColumns(metadata, set.name());
        if (!columns.isEmpty()) {
            throw new FaultException(ErrorCodes.CannotDeleteDueToAssociation, "The option set " + set.name() + " cannot be deleted because the"
                    + " columns " + String.join(", ", columns) + " use it. Delete those columns first.");
        }
        CustomizationChanges.removeOptionSet(ctx, set.name());
        return new DeleteOptionSetResponse();
    }
}
