package org.xrm4j.server.messages;

import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;

/** Rules shared by ExecuteMultiple, ExecuteTransaction and the Web API's {@code $batch}. */
public final class Batches {
    private Batches() {}

    /** A batch over the BatchSize setting faults before any of it runs, reporting the limit as the platform does. */
    public static void checkSize(List<OrganizationRequest> requests, int batchSize) { checkSize(requests.size(), batchSize); }

    /** As {@link #checkSize(List, int)} for a batch of {@code size} requests not yet built (a Web API {@code $batch}). */
    public static void checkSize(int size, int batchSize) {
        if (size > batchSize) {
            throw FaultException.withDetails(ErrorCodes.NotSupported,
                    "ExecuteMultiple Request batch size exceeds the maximum batch size allowed! (" + size
                            + " requests; the maximum, setting BatchSize, is " + batchSize + ")",
                    Map.of("MaxBatchSize", batchSize));
        }
    }
}
