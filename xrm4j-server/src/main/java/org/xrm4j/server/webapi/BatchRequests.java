package org.xrm4j.server.webapi;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.messages.Batches;

/**
 * {@code POST $batch}: a {@code multipart/mixed} body of requests and change sets, run as the SDK's ExecuteMultiple
 * (a change set as ExecuteTransaction) by {@link BatchRun}, answered as a multipart body by {@link BatchResponseWriter}.
 * A batch of more requests than the BatchSize setting faults before any of it runs, as ExecuteMultiple does. The
 * answer is 200, or 400 when a failure stopped the batch (no {@code Prefer: odata.continue-on-error}); the caller's
 * MSCRMCallerID applies to every request of the batch.
 */
final class BatchRequests {
    private static final Pattern CONTINUE_ON_ERROR = Pattern.compile("odata\\.continue-on-error(?:\\s*=\\s*(\\w+))?");

    private final XrmEngine engine;
    private final OperationRouter router;
    private final String token;
    private final UUID callerId;

    BatchRequests(XrmEngine engine, OperationRouter router, String token, UUID callerId) {
        this.engine = engine;
        this.router = router;
        this.token = token;
        this.callerId = callerId;
    }

    static boolean isBatch(WebApiRequest r) { return r.path().equals("$batch") || r.path().equalsIgnoreCase("%24batch"); }

    /** {@code Prefer: odata.continue-on-error} (OData 4.01 also allows {@code =true} and {@code =false}). */
    static boolean continueOnError(String prefer) {
        if (prefer == null) return false;
        Matcher m = CONTINUE_ON_ERROR.matcher(prefer.toLowerCase(Locale.ROOT));
        return m.find() && !"false".equals(m.group(1));
    }

    WebApiResponse answer(WebApiRequest r) {
        if (!r.method().equals("POST")) {
            throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + r.method() + "' is not allowed on '$batch': send POST.");
        }
        String boundary = BatchParser.boundary(r.header("Content-Type"));
        if (boundary == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A $batch request needs the header"
                    + " 'Content-Type: multipart/mixed;boundary=<boundary>', not '" + r.header("Content-Type") + "'.");
        }
        List<BatchPart.Item> items = BatchParser.parse(new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8), boundary);
        Batches.checkSize(items.stream().mapToInt(i -> i.parts().size()).sum(), engine.settings().batchSize());
        boolean continueOnError = continueOnError(r.header("Prefer"));
        BatchRun run = new BatchRun(engine, router, token, callerId, continueOnError);
        List<BatchRun.ItemAnswer> answers = run.run(items);
        return BatchResponseWriter.write(answers, run.stopped() ? 400 : 200);
    }
}
