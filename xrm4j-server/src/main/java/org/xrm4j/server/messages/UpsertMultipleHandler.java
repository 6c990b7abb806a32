package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.UpsertMultipleRequest;
import org.xrm4j.sdk.messages.UpsertMultipleResponse;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.sdk.messages.UpsertResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;

/**
 * UpsertMultiple: every Target is upserted in the request's one transaction, all or nothing. Each record names itself
 * by id or by alternate key and goes through the pipeline as an Upsert, so the rules (and steps) of a single Upsert
 * apply to each; the response holds their UpsertResponses in the order of the Targets.
 */
public final class UpsertMultipleHandler implements MessageHandler {
    private final Pipeline pipeline;

    public UpsertMultipleHandler(Pipeline pipeline) { this.pipeline = pipeline; }

    @Override public String messageName() { return UpsertMultipleRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        List<UpsertResponse> results = new ArrayList<>();
        for (Entity t : BulkTargets.of(ctx, request, ((UpsertMultipleRequest) request).targets())) {
            results.add((UpsertResponse) pipeline.execute(ctx, new UpsertRequest(t)));
        }
        return new UpsertMultipleResponse().upsertResults(results);
    }
}
