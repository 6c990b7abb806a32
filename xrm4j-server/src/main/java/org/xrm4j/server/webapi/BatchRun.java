package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;
import org.xrm4j.server.XrmEngine;

/**
 * Runs the items of one {@code $batch} as the platform does, by handing them to the engine as one ExecuteMultiple:
 * each part alone is an item of its own (its own unit of work, and runs of Creates take the bulk path), each change
 * set is one ExecuteTransaction item (all or nothing). Parts are planned first with the same operations as a request
 * alone; a part that cannot even be planned (an unknown table, malformed JSON) is answered with its fault between
 * the ExecuteMultiple calls of the parts around it. Without {@code odata.continue-on-error} the first failure stops
 * the batch, and only the parts run so far are answered.
 */
final class BatchRun {
    private static final Pattern ABSOLUTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?]*");

    /** The answer to one part, with the Content-ID it came with. */
    record PartAnswer(String contentId, WebApiResponse response) {}

    /** The answers to one item: a change set's travel together; a failed change set is its failing part's answer. */
    record ItemAnswer(boolean changeSet, List<PartAnswer> parts) {}

    private record Planned(BatchPart.Item item, List<Operation> operations, int requests) {}

    private final XrmEngine engine;
    private final OperationRouter router;
    private final String token;
    private final UUID callerId;
    private final boolean continueOnError;
    private final List<ItemAnswer> answers = new ArrayList<>();
    private final List<Planned> pending = new ArrayList<>();
    private int pendingRequests;
    private boolean stopped;

    BatchRun(XrmEngine engine, OperationRouter router, String token, UUID callerId, boolean continueOnError) {
        this.engine = engine;
        this.router = router;
        this.token = token;
        this.callerId = callerId;
        this.continueOnError = continueOnError;
    }

    /** Whether a failure stopped the batch before its end. */
    boolean stopped() { return stopped; }

    List<ItemAnswer> run(List<BatchPart.Item> items) {
        int limit = engine.settings().batchSize();
        for (BatchPart.Item item : items) {
            if (stopped) break;
            Planned planned = plan(item);
            if (planned == null) continue; // answered with its fault, or stopped
            // Parts answered with two requests (a write and its read-back) could take one call over BatchSize.
            if (pendingRequests + planned.requests() > limit) execute();
            if (stopped) break;
            pending.add(planned);
            pendingRequests += planned.requests();
        }
        execute();
        return answers;
    }

    /** The item's operations, or {@code null} when one of its parts cannot be planned (then answered with its fault). */
    private Planned plan(BatchPart.Item item) {
        ContentIdReferences references = item.changeSet() ? new ContentIdReferences() : null;
        List<Operation> operations = new ArrayList<>();
        int requests = 0;
        for (BatchPart part : item.parts()) {
            try {
                Operation op = router.route(request(part, references));
                if (references != null) references.register(part.contentId(), op.address());
                operations.add(op);
                requests += item.changeSet() ? op.requests().size() : op.unitRequests().size();
            } catch (RuntimeException e) {
                OrganizationServiceFault fault = WebApiFaults.of(e);
                execute(); // the parts before this one run first, in order
                if (!stopped) fail(part, fault);
                return null;
            }
        }
        return new Planned(item, operations, item.changeSet() ? 1 : requests);
    }

    /** Hands the pending items to the engine as one ExecuteMultiple and answers each from its outcome. */
    private void execute() {
        if (pending.isEmpty()) return;
        List<OrganizationRequest> requests = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (Planned p : pending) {
            starts.add(requests.size());
            if (p.item().changeSet()) {
                List<OrganizationRequest> all = new ArrayList<>();
                for (Operation op : p.operations()) all.addAll(op.requests());
                requests.add(new ExecuteTransactionRequest(all, true));
            } else {
                requests.addAll(p.operations().getFirst().unitRequests());
            }
        }
        List<Planned> run = List.copyOf(pending);
        pending.clear();
        pendingRequests = 0;
        ExecuteMultipleResponse response = (ExecuteMultipleResponse) engine.execute(router.organization(), token, callerId,
                new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(continueOnError, true)));
        Map<Integer, ExecuteMultipleResponseItem> outcomes = new HashMap<>();
        for (ExecuteMultipleResponseItem item : response.responses()) outcomes.put(item.requestIndex(), item);
        for (int k = 0; k < run.size() && !stopped; k++) {
            Planned p = run.get(k);
            if (p.item().changeSet()) {
                changeSet(p, outcomes.get(starts.get(k)));
            } else {
                part(p, outcomes, starts.get(k));
            }
        }
    }

    private void part(Planned p, Map<Integer, ExecuteMultipleResponseItem> outcomes, int start) {
        BatchPart part = p.item().parts().getFirst();
        Operation op = p.operations().getFirst();
        List<OrganizationResponse> responses = new ArrayList<>();
        for (int i = start; i < start + op.unitRequests().size(); i++) {
            ExecuteMultipleResponseItem outcome = outcomes.get(i);
            if (outcome == null) {
                stopped = true; // the batch stopped before this part
                return;
            }
            if (outcome.fault() != null) {
                fail(part, outcome.fault());
                return;
            }
            responses.add(outcome.response());
        }
        WebApiResponse answer;
        try {
            answer = op.unitAnswer(responses, this::read);
        } catch (FaultException e) {
            fail(part, e.fault()); // a read the answer made failed
            return;
        }
        answers.add(new ItemAnswer(false, List.of(new PartAnswer(part.contentId(), answer))));
    }

    private void changeSet(Planned p, ExecuteMultipleResponseItem outcome) {
        if (outcome == null) {
            stopped = true;
            return;
        }
        List<BatchPart> parts = p.item().parts();
        if (outcome.fault() != null) {
            int failedRequest = outcome.fault() instanceof ExecuteTransactionFault f ? f.faultedRequestIndex() : 0;
            int part = 0;
            for (int seen = 0; part < parts.size() - 1; part++) {
                seen += p.operations().get(part).requests().size();
                if (failedRequest < seen) break;
            }
            fail(parts.get(part), outcome.fault());
            return;
        }
        List<OrganizationResponse> responses = ((ExecuteTransactionResponse) outcome.response()).responses();
        List<PartAnswer> partAnswers = new ArrayList<>(parts.size());
        int next = 0;
        for (int i = 0; i < parts.size(); i++) {
            Operation op = p.operations().get(i);
            List<OrganizationResponse> own = responses.subList(next, next + op.requests().size());
            next += op.requests().size();
            partAnswers.add(new PartAnswer(parts.get(i).contentId(), op.respond(own, this::read)));
        }
        answers.add(new ItemAnswer(true, partAnswers));
    }

    /** A read an answer makes after its part ran: its own top-level request, for the batch's caller. */
    private OrganizationResponse read(OrganizationRequest request) {
        return engine.execute(router.organization(), token, callerId, request);
    }

    private void fail(BatchPart part, OrganizationServiceFault fault) {
        answers.add(new ItemAnswer(false, List.of(new PartAnswer(part.contentId(), WebApiFaults.answer(fault)))));
        if (!continueOnError) stopped = true;
    }

    /** A part as the operations take it: its URL relative to the service root, {@code $n} references resolved. */
    private WebApiRequest request(BatchPart part, ContentIdReferences references) {
        String url = part.url();
        byte[] body = part.body();
        if (url.startsWith("$")) {
            if (references == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The URL '" + url + "' is a Content-ID reference,"
                        + " which only a request inside the same change set can use.");
            }
            url = references.url(url);
        } else {
            url = relative(url);
        }
        if (references != null) body = references.body(body);
        String caller = part.headers().get("MSCRMCallerID");
        String callerObject = part.headers().get("CallerObjectId");
        if ((caller != null || callerObject != null) && !Objects.equals(Impersonation.callerId(
                engine.deployment().organization(router.organization()), caller, callerObject), callerId)) {
            throw new FaultException(ErrorCodes.NotSupported, "MSCRMCallerID or CallerObjectId inside a $batch must name the"
                    + " $batch request's user: impersonation applies to the whole batch, so send it on the $batch request.");
        }
        int q = url.indexOf('?');
        return new WebApiRequest(part.method(), q < 0 ? url : url.substring(0, q), q < 0 ? "" : url.substring(q + 1),
                part.headers(), body);
    }

    /** An absolute URL or an absolute path as the path below this batch's {@code /api/data/v9.x/}. */
    private String relative(String url) {
        String u = url;
        Matcher scheme = ABSOLUTE.matcher(u);
        if (scheme.find()) u = u.substring(scheme.end());
        if (!u.startsWith("/")) return u;
        int q = u.indexOf('?');
        Matcher m = WebApiEndpoint.PATH.matcher(q < 0 ? u : u.substring(0, q));
        if (!m.matches()) {
            throw new FaultException(ErrorCodes.ResourceNotFound, "The URL '" + url + "' of a $batch request is not under /api/data/v9.x/.");
        }
        if (!Objects.equals(lower(m.group(1)), lower(router.organization()))) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The URL '" + url + "' addresses another organization than"
                    + " the $batch request: every request of a batch runs in the batch's organization.");
        }
        return m.group(3) + (q < 0 ? "" : u.substring(q));
    }

    private static String lower(String s) { return s == null ? null : s.toLowerCase(Locale.ROOT); }
}
