package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;

/** WhoAmI: the effective user, their business unit and the organization. */
public final class WhoAmIHandler implements MessageHandler {
    @Override public String messageName() { return WhoAmIRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        return new WhoAmIResponse().userId(ctx.user().userId()).businessUnitId(ctx.user().businessUnitId())
                .organizationId(ctx.organization().organizationId());
    }
}
