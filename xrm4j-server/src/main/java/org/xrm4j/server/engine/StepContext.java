package org.xrm4j.server.engine;

import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationService;

/**
 * What a pipeline step sees: the execution context and an OrganizationService whose calls run one level deeper, in
 * the same transaction, so that depth limits and rollback apply to them.
 */
public record StepContext(ExecutionContext execution, Pipeline pipeline) {
    public int depth() { return execution.depth(); }

    public OrganizationService service() {
        return new OrganizationService() {
            @Override public OrganizationResponse execute(OrganizationRequest request) {
                return pipeline.execute(execution, request);
            }
        };
    }
}
