package org.xrm4j.server.messages;

import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * The main operation of a custom message. xrm4j runs no plug-in assemblies, so, as the platform does for a Custom
 * API without a plug-in type, it answers the defined response properties, each unset (null); a pipeline step
 * registered on the message implements it, and one at post-operation sets the response's properties.
 */
final class CustomApiHandler implements MessageHandler {
    private final CustomApiDefinition api;

    CustomApiHandler(CustomApiDefinition api) { this.api = api; }

    @Override public String messageName() { return api.uniqueName(); }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        if (api.bound()) {
            EntityReference target = (EntityReference) request.get("Target");
            EntityMetadata e = ctx.metadata().entity(target.logicalName());
            if (!Records.exists(ctx, e, target.id())) throw Records.notFound(e, target.id());
        }
        OrganizationResponse response = new OrganizationResponse(api.uniqueName());
        for (CustomApiDefinition.Parameter p : api.responseProperties()) response.set(p.uniqueName(), null);
        return response;
    }
}
