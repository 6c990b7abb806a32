package org.xrm4j.server.engine;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

/**
 * Code that runs at a stage of a message's pipeline, as a plug-in step does: stage 10 (pre-validation, before the
 * transaction and security), 20 (pre-operation, in the transaction) or 40 (post-operation, in the transaction,
 * with the response). A step that throws a FaultException aborts the message and rolls its transaction back.
 */
public interface PipelineStep {
    int PRE_VALIDATION = 10;
    int PRE_OPERATION = 20;
    int POST_OPERATION = 40;

    /** The message this step is registered on, e.g. "Update". */
    String messageName();

    int stage();

    /** The response is {@code null} before stage 40. */
    void execute(StepContext context, OrganizationRequest request, OrganizationResponse response);
}
