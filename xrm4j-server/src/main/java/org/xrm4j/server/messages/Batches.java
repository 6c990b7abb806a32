package org.xrm4j.server.messages;

import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;

/** Rules shared by ExecuteMultiple and ExecuteTransaction. */
final class Batches {
    private Batches() {}

    /** A batch over the BatchSize setting faults before any of it runs, reporting the limit as the platform does. */
    static void checkSize(List<OrganizationRequest> requests, int batchSize) {
        if (requests.size() > batchSize) {
            throw FaultException.withDetails(ErrorCodes.NotSupported,
                    "ExecuteMultiple Request batch size exceeds the maximum batch size allowed! (" + requests.size()
                            + " requests; the maximum, setting BatchSize, is " + batchSize + ")",
                    Map.of("MaxBatchSize", batchSize));
        }
    }
}
