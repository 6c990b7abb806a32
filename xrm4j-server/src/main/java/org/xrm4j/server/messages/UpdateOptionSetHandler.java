package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateOptionSetRequest;
import org.xrm4j.sdk.messages.UpdateOptionSetResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.solutions.CustomizationChanges;

/**
 * UpdateOptionSet: changes a global option set's DisplayName and Description. As on the platform its options are
 * not changed by this message (they may come back unchanged in the definition a client read before). Needs
 * prvWriteOptionSet.
 */
public final class UpdateOptionSetHandler implements MessageHandler {
    @Override public String messageName() { return UpdateOptionSetRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        MetadataDefinitions.requirePrivilege(ctx, Privilege.prvWriteOptionSet, "changing an option set");
        Entity d = Arguments.required(request, "OptionSet", ((UpdateOptionSetRequest) request).optionSet());
        java.util.UUID id = d.get("MetadataId") instanceof java.util.UUID u ? u : null;
        OptionSetMetadata set = OptionSetDefinitions.require(CustomizationChanges.current(ctx), MetadataDefinitions.text(d, "Name"), id);
        OptionSetMetadata changed = set.withLabels(UpdateEntityHandler.or(MetadataDefinitions.text(d, "DisplayName"), set.displayName()),
                UpdateEntityHandler.or(MetadataDefinitions.text(d, "Description"), set.description()));
        if (!changed.equals(set)) CustomizationChanges.saveOptionSet(ctx, changed);
        return new UpdateOptionSetResponse();
    }
}
