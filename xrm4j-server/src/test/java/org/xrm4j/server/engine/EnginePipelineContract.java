package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/** The message pipeline: unknown messages, the stages steps run in, call depth, and rollback of everything a request wrote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnginePipelineContract {
    TestServers.TestServer server;
    EngineCalls calls;
    private final List<PipelineStep> registered = new ArrayList<>();

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    @AfterEach void unregisterSteps() {
        registered.forEach(calls.engine().pipeline()::unregister);
        registered.clear();
    }

    /** A step that runs {@code body} on {@code message} at {@code stage}; unregistered after the test. */
    private void register(String message, int stage, StepBody body) {
        PipelineStep step = new PipelineStep() {
            @Override public String messageName() { return message; }
            @Override public int stage() { return stage; }
            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                body.run(context, request, response);
            }
        };
        registered.add(step);
        calls.engine().pipeline().register(step);
    }

    @FunctionalInterface
    private interface StepBody {
        void run(StepContext context, OrganizationRequest request, OrganizationResponse response);
    }

    @Test void unknownMessageIsNotSupported() {
        FaultException f = fault(ErrorCodes.NotSupported, () -> calls.execute(new OrganizationRequest("Frobnicate")));
        assertThat(f.getMessage()).contains("Frobnicate");
    }

    @Test void aGenericRequestRunsLikeItsTypedForm() {
        OrganizationRequest generic = new OrganizationRequest("Create").set("Target", new Entity("account").set("name", "Generic"));
        UUID id = (UUID) calls.execute(generic).get("id");
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("Generic");
    }

    @Test void aStepThatUpdatesItsOwnRecordForeverHitsMaxDepthAndRollsBack() {
        UUID id = calls.create(new Entity("account").set("name", "Original").set("numberofemployees", 1));
        AtomicInteger runs = new AtomicInteger();
        register("Update", PipelineStep.POST_OPERATION, (context, request, response) -> {
            runs.incrementAndGet();
            Entity target = ((UpdateRequest) request).target();
            context.service().execute(new UpdateRequest(new Entity("account", target.id()).set("numberofemployees", context.depth() + 1)));
        });

        FaultException f = fault(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
                () -> calls.update(new Entity("account", id).set("name", "Changed")));
        assertThat(f.errorCode()).isEqualTo(-2147204734);
        assertThat(runs.get()).isEqualTo(calls.engine().settings().maxDepth());
        unregisterSteps();

        Entity a = calls.retrieve("account", id, "name", "numberofemployees");
        assertThat(a.get("name")).isEqualTo("Original");
        assertThat(a.get("numberofemployees")).isEqualTo(1);
    }

    @Test void aStepThatStopsAtDepthTwoRunsTwiceAndCommitsBothWrites() {
        UUID id = calls.create(new Entity("account").set("name", "Depth").set("numberofemployees", 1));
        List<Integer> depths = new ArrayList<>();
        register("Update", PipelineStep.POST_OPERATION, (context, request, response) -> {
            depths.add(context.depth());
            if (context.depth() > 1) return;
            context.service().execute(new UpdateRequest(new Entity("account", ((UpdateRequest) request).target().id())
                    .set("numberofemployees", 2)));
        });

        calls.update(new Entity("account", id).set("name", "Depth changed"));

        assertThat(depths).containsExactly(1, 2);
        Entity a = calls.retrieve("account", id, "name", "numberofemployees");
        assertThat(a.get("name")).isEqualTo("Depth changed");
        assertThat(a.get("numberofemployees")).isEqualTo(2);
    }

    @Test void aPreOperationStepThatFaultsRollsBackItsOwnWritesAndTheMessage() {
        UUID id = UUID.randomUUID();
        UUID[] stepRecord = new UUID[1];
        register("Create", PipelineStep.PRE_OPERATION, (context, request, response) -> {
            Entity target = ((CreateRequest) request).target();
            if (!"account".equals(target.logicalName())) return;
            stepRecord[0] = ((CreateResponse) context.service().execute(new CreateRequest(new Entity("task").set("subject", "Side effect")))).id();
            throw new FaultException(ErrorCodes.IsvAborted, "Refused by a step.");
        });

        FaultException f = fault(ErrorCodes.IsvAborted, () -> calls.create(new Entity("account", id).set("name", "Never")));
        assertThat(f.getMessage()).isEqualTo("Refused by a step.");
        unregisterSteps();

        assertThat(stepRecord[0]).as("the step ran and created its record").isNotNull();
        assertThat(calls.exists("task", stepRecord[0])).isFalse();
        assertThat(calls.exists("account", id)).isFalse();
    }

    @Test void aPostOperationStepThatFaultsRollsBackTheMainWrite() {
        UUID id = calls.create(new Entity("account").set("name", "Before"));
        register("Update", PipelineStep.POST_OPERATION, (context, request, response) -> {
            throw new FaultException(ErrorCodes.IsvAborted, "Not today.");
        });
        fault(ErrorCodes.IsvAborted, () -> calls.update(new Entity("account", id).set("name", "After")));
        unregisterSteps();
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("Before");
    }

    @Test void stepsSeeTheRequestAndTheResponseAtTheirStage() {
        List<String> seen = new ArrayList<>();
        register("Create", PipelineStep.PRE_VALIDATION, (context, request, response) -> seen.add("10:" + (response == null)));
        register("Create", PipelineStep.PRE_OPERATION, (context, request, response) -> {
            seen.add("20:" + (response == null));
            ((CreateRequest) request).target().set("telephone1", "set at stage 20");
        });
        register("Create", PipelineStep.POST_OPERATION, (context, request, response) ->
                seen.add("40:" + (((CreateResponse) response).id() != null)));
        register("Update", PipelineStep.POST_OPERATION, (context, request, response) -> seen.add("update"));

        UUID id = calls.create(new Entity("account").set("name", "Staged"));

        assertThat(seen).containsExactly("10:true", "20:true", "40:true");
        assertThat(calls.retrieve("account", id, "telephone1").get("telephone1")).isEqualTo("set at stage 20");
    }

    @Test void aNestedCallJoinsTheCallersTransaction() {
        String tag = EngineCalls.tag();
        register("Create", PipelineStep.POST_OPERATION, (context, request, response) -> {
            Entity target = ((CreateRequest) request).target();
            if (!"account".equals(target.logicalName())) return;
            UUID accountId = ((CreateResponse) response).id();
            // The account is not committed yet, so only the same transaction can see it.
            context.service().execute(new CreateRequest(new Entity("contact").set("lastname", tag)
                    .set("parentcustomerid", new org.xrm4j.sdk.EntityReference("account", accountId))));
        });
        UUID account = calls.create(new Entity("account").set("name", "With contact"));
        unregisterSteps();
        assertThat(calls.idsWhere("contact", "lastname", tag)).hasSize(1);
        assertThat(calls.retrieve("contact", calls.idsWhere("contact", "lastname", tag).getFirst(), "parentcustomerid")
                .get("parentcustomerid", org.xrm4j.sdk.EntityReference.class).id()).isEqualTo(account);
    }
}
