package org.xrm4j.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationService;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;

/**
 * An in-memory stand-in for a server's ExecuteMultiple: records every batch it receives and every Create it runs,
 * refuses batches over a maximum size, answers scripted whole-batch faults first, and faults the Creates whose name
 * is in {@link #failing}. A Create's id derives from its name, so a response shows which request it answers.
 */
class FakeBatchService implements OrganizationService {
    final List<List<String>> received = Collections.synchronizedList(new ArrayList<>());
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> continueOnErrorSeen = Collections.synchronizedList(new ArrayList<>());
    private final Deque<FaultException> scripted = new ArrayDeque<>();
    volatile int maxBatchSize = Integer.MAX_VALUE;
    volatile Set<String> failing = Set.of();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    static List<OrganizationRequest> creates(int count) {
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) requests.add(new CreateRequest(new Entity("account").set("name", "r" + i)));
        return requests;
    }

    static UUID idOf(String name) { return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)); }

    static String name(OrganizationRequest r) { return (String) ((CreateRequest) r).target().get("name"); }

    /** The next batch is answered with this fault before anything of it runs. */
    synchronized FakeBatchService thenFault(FaultException fault) {
        scripted.add(fault);
        return this;
    }

    private synchronized FaultException nextScripted() { return scripted.poll(); }

    /** Called with each batch's names before it is answered; tests override it to block or pace batches. */
    void arriving(List<String> names) {}

    @Override
    public OrganizationResponse execute(OrganizationRequest request) {
        ExecuteMultipleRequest em = (ExecuteMultipleRequest) request;
        List<String> names = em.requests().stream().map(FakeBatchService::name).toList();
        received.add(names);
        continueOnErrorSeen.add(em.settings().continueOnError());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            arriving(names);
            FaultException fault = nextScripted();
            if (fault != null) throw fault;
            if (names.size() > maxBatchSize) {
                throw FaultException.withDetails(ErrorCodes.NotSupported, "ExecuteMultiple Request batch size exceeds the"
                        + " maximum batch size allowed!", Map.of("MaxBatchSize", maxBatchSize));
            }
            List<ExecuteMultipleResponseItem> items = new ArrayList<>();
            boolean faulted = false;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (failing.contains(name)) {
                    faulted = true;
                    items.add(new ExecuteMultipleResponseItem(i, null, new OrganizationServiceFault(ErrorCodes.DuplicateRecord, "dup " + name)));
                    if (!em.settings().continueOnError()) break;
                } else {
                    executed.add(name);
                    items.add(new ExecuteMultipleResponseItem(i, new CreateResponse().id(idOf(name)), null));
                }
            }
            return new ExecuteMultipleResponse().isFaulted(faulted).responses(items);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
