package org.xrm4j.server.messages;

import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpdateMultipleRequest;
import org.xrm4j.sdk.messages.UpdateMultipleResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;

/**
 * UpdateMultiple: every Target is updated in the request's one transaction, all or nothing. Each record goes through
 * the pipeline as an Update, so the single-record Update steps run once per record, as the platform fires them.
 */
public final class UpdateMultipleHandler implements MessageHandler {
    private final Pipeline pipeline;

    public UpdateMultipleHandler(Pipeline pipeline) { this.pipeline = pipeline; }

    @Override public String messageName() { return UpdateMultipleRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        for (Entity t : BulkTargets.of(ctx, request, ((UpdateMultipleRequest) request).targets())) {
            pipeline.execute(ctx, new UpdateRequest(t));
        }
        return new UpdateMultipleResponse();
    }
}
