package org.xrm4j.server.messages;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.SetStateRequest;
import org.xrm4j.sdk.messages.SetStateResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Records;

/** SetState: moves a record to a state and status (status -1 means the state's default). */
public final class SetStateHandler implements MessageHandler {
    @Override public String messageName() { return SetStateRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        SetStateRequest r = (SetStateRequest) request;
        Records.setState(ctx, Arguments.reference(request, "EntityMoniker", r.entityMoniker()),
                Arguments.required(request, "State", r.state()), r.status());
        return new SetStateResponse();
    }
}
