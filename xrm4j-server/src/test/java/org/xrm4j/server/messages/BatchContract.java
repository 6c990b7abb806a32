package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;
import org.xrm4j.server.security.Role;

/**
 * ExecuteMultiple and ExecuteTransaction: the documented outcomes, limits and nesting rules, through HTTP with the
 * Java client, so that every fault and item also crosses the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BatchContract {
    TestServers.TestServer server;

    abstract String database();

    HttpOrganizationService client;

    @BeforeAll void start() {
        server = TestServers.start(database());
        client = client(server.orgUrl(), TestServers.ADMIN_TOKEN);
    }

    @AfterAll void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    static HttpOrganizationService client(String url, String token) {
        return HttpOrganizationService.builder().baseUrl(url).token(token).build();
    }

    OrganizationResponse execute(OrganizationRequest r) { return client.execute(r); }

    static CreateRequest create(String name) { return new CreateRequest(new Entity("account").set("name", name)); }

    /** A request that faults: an Update of a record that does not exist. */
    static UpdateRequest failing() { return new UpdateRequest(new Entity("account", UUID.randomUUID()).set("name", "x")); }

    int count(String prefix) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(q))).entityCollection().entities().size();
    }

    ExecuteMultipleResponse multiple(String tag, boolean continueOnError, boolean returnResponses) {
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) requests.add(i == 2 || i == 4 ? failing() : create(tag + i));
        return (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(continueOnError, returnResponses)));
    }

    static List<Integer> indexes(ExecuteMultipleResponse r) { return r.responses().stream().map(ExecuteMultipleResponseItem::requestIndex).toList(); }

    static long faults(ExecuteMultipleResponse r) { return r.responses().stream().filter(i -> i.fault() != null).count(); }

    @Test void doc1StopOnErrorReturnResponses() {
        ExecuteMultipleResponse r = multiple("d1a-", false, true);
        assertThat(indexes(r)).containsExactly(0, 1, 2);
        assertThat(faults(r)).isEqualTo(1);
        assertThat(r.responses().get(0).response()).isInstanceOf(CreateResponse.class);
        assertThat(r.responses().get(2).fault().errorCode()).isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        assertThat(r.isFaulted()).isTrue();
        assertThat(count("d1a-")).isEqualTo(2);
    }

    @Test void doc1ContinueReturnResponses() {
        ExecuteMultipleResponse r = multiple("d1b-", true, true);
        assertThat(indexes(r)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(faults(r)).isEqualTo(2);
        assertThat(count("d1b-")).isEqualTo(4);
    }

    @Test void doc1StopOnErrorNoResponses() {
        ExecuteMultipleResponse r = multiple("d1c-", false, false);
        assertThat(indexes(r)).containsExactly(2);
        assertThat(r.responses().getFirst().response()).isNull();
        assertThat(count("d1c-")).isEqualTo(2);
    }

    @Test void doc1ContinueNoResponses() {
        ExecuteMultipleResponse r = multiple("d1d-", true, false);
        assertThat(indexes(r)).containsExactly(2, 4);
        assertThat(faults(r)).isEqualTo(2);
        assertThat(count("d1d-")).isEqualTo(4);
    }

    @Test void noFaultsAndNoResponsesIsEmpty() {
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(
                List.of(create("em5-a"), create("em5-b")), new ExecuteMultipleSettings(false, false)));
        assertThat(r.responses()).isEmpty();
        assertThat(r.isFaulted()).isFalse();
    }

    @Test void requestsRunInOrder() {
        UUID id = UUID.randomUUID();
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(List.of(
                new CreateRequest(new Entity("account", id).set("name", "em7-before")),
                new UpdateRequest(new Entity("account", id).set("name", "em7-after"))), new ExecuteMultipleSettings(false, true)));
        assertThat(r.isFaulted()).isFalse();
        assertThat(count("em7-after")).isEqualTo(1);
    }

    @Test void doc2BatchOverTheLimitRunsNothing() {
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 1001; i++) requests.add(create("d2-" + i));
        assertThatThrownBy(() -> execute(new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(true, true))))
                .isInstanceOfSatisfying(FaultException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(-2147220715);
                    assertThat(e.fault().errorDetails()).containsEntry("MaxBatchSize", 1000);
                });
        assertThat(count("d2-")).isZero();

        server.server().engine().settings().set("BatchSize", 10);
        try {
            assertThatThrownBy(() -> execute(new ExecuteMultipleRequest(requests.subList(0, 11), new ExecuteMultipleSettings(true, true))))
                    .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.fault().errorDetails()).containsEntry("MaxBatchSize", 10));
            assertThat(count("d2-")).isZero();
        } finally {
            server.server().engine().settings().set("BatchSize", 1000);
        }
    }

    @Test void doc3NestedExecuteMultipleFaultsAloneAndTransactionInsideIsAllowed() {
        ExecuteMultipleRequest inner = new ExecuteMultipleRequest(List.of(create("d3-inner")), new ExecuteMultipleSettings(true, true));
        ExecuteTransactionRequest tx = new ExecuteTransactionRequest(List.of(create("d3-tx")), true);
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(
                List.of(create("d3-a"), inner, tx, create("d3-b")), new ExecuteMultipleSettings(true, true)));
        assertThat(indexes(r)).containsExactly(0, 1, 2, 3);
        assertThat(r.responses().get(1).fault()).isNotNull();
        assertThat(r.responses().get(2).response()).isInstanceOf(ExecuteTransactionResponse.class);
        assertThat(count("d3-inner")).isZero();
        assertThat(count("d3-")).isEqualTo(3);
    }

    @Test void missingSettingsOrRequestsIsAFault() {
        assertThatThrownBy(() -> execute(new ExecuteMultipleRequest().requests(List.of(create("x")))))
                .isInstanceOf(FaultException.class).hasMessageContaining("Settings");
        assertThatThrownBy(() -> execute(new ExecuteMultipleRequest().settings(new ExecuteMultipleSettings(true, true))))
                .isInstanceOf(FaultException.class).hasMessageContaining("Requests");
    }

    @Test void et1FailureRollsBackEverythingWithTheIndex() {
        OrganizationRequest bad = new CreateRequest(new Entity("contact").set("firstname", 5));
        assertThatThrownBy(() -> execute(new ExecuteTransactionRequest(List.of(create("et1-a"), bad), true)))
                .isInstanceOfSatisfying(FaultException.class, e -> {
                    assertThat(e.fault()).isInstanceOf(ExecuteTransactionFault.class);
                    assertThat(((ExecuteTransactionFault) e.fault()).faultedRequestIndex()).isEqualTo(1);
                    assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
                });
        assertThat(count("et1-")).isZero();
    }

    @Test void et2DuplicateIdRollsBackTheFirstCreate() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> execute(new ExecuteTransactionRequest(List.of(
                new CreateRequest(new Entity("account", id).set("name", "et2-a")),
                new CreateRequest(new Entity("account", id).set("name", "et2-b"))), false)))
                .isInstanceOfSatisfying(FaultException.class, e -> {
                    assertThat(((ExecuteTransactionFault) e.fault()).faultedRequestIndex()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("Cannot insert duplicate key");
                });
        assertThat(count("et2-")).isZero();
    }

    @Test void et3ReturnResponses() {
        ExecuteTransactionResponse with = (ExecuteTransactionResponse) execute(new ExecuteTransactionRequest(List.of(create("et3-a"), create("et3-b")), true));
        assertThat(with.responses()).hasSize(2).allMatch(r -> r instanceof CreateResponse);
        ExecuteTransactionResponse without = (ExecuteTransactionResponse) execute(new ExecuteTransactionRequest(List.of(create("et3-c"), create("et3-d")), false));
        assertThat(without.responses()).isEmpty();
        assertThat(count("et3-")).isEqualTo(4);
    }

    @Test void et4NestedBatchesAreRefusedAndNothingChanges() {
        for (OrganizationRequest nested : List.of(
                new ExecuteMultipleRequest(List.of(create("et4-x")), new ExecuteMultipleSettings(true, true)),
                new ExecuteTransactionRequest(List.of(create("et4-y")), true))) {
            assertThatThrownBy(() -> execute(new ExecuteTransactionRequest(List.of(create("et4-a"), nested), true)))
                    .isInstanceOfSatisfying(FaultException.class,
                            e -> assertThat(((ExecuteTransactionFault) e.fault()).faultedRequestIndex()).isEqualTo(1));
        }
        assertThat(count("et4-")).isZero();
    }

    @Test void doc6ConcurrencyLimitAnswersServerBusyPerOrganization() throws Exception {
        String other = server.organization() + "c";
        server.server().engine().deployment().createOrganization(other);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        PipelineStep blocker = new PipelineStep() {
            @Override public String messageName() { return "Create"; }
            @Override public int stage() { return PRE_OPERATION; }
            @Override public void execute(StepContext c, OrganizationRequest r, OrganizationResponse res) {
                if (!((CreateRequest) r).target().get("name", String.class).startsWith("d6-block")) return;
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        server.server().engine().settings().set("ExecuteMultiplePerOrgMaxConnectionsPerServer", 2);
        server.server().engine().pipeline().register(blocker);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<OrganizationResponse>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(pool.submit(() -> execute(new ExecuteMultipleRequest(List.of(create("d6-block")), new ExecuteMultipleSettings(true, true)))));
            }
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> execute(new ExecuteMultipleRequest(List.of(create("d6-third")), new ExecuteMultipleSettings(true, true))))
                    .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.ServerBusy.code()));
            assertThat(count("d6-third")).isZero();
            OrganizationResponse elsewhere = client(server.server().baseUrl() + "/" + other, TestServers.ADMIN_TOKEN).execute(
                    new ExecuteMultipleRequest(List.of(create("d6-other")), new ExecuteMultipleSettings(true, true)));
            assertThat(((ExecuteMultipleResponse) elsewhere).isFaulted()).isFalse();
            release.countDown();
            for (Future<OrganizationResponse> f : running) assertThat(((ExecuteMultipleResponse) f.get()).isFaulted()).isFalse();
        } finally {
            release.countDown();
            server.server().engine().pipeline().unregister(blocker);
            server.server().engine().settings().set("ExecuteAsyncPerOrgMaxConnectionsPerServer", 0);
        }
    }

    @Test void doc7CallerIdAppliesToEveryItem() {
        var organization = server.org();
        var user = server.server().engine().deployment().createUser(organization, "Imp", "Ersonated", "imp@example.com",
                Role.BasicUser);
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) client.withCallerId(user.userId()).execute(
                new ExecuteMultipleRequest(List.of(create("d7-a"), create("d7-b")), new ExecuteMultipleSettings(false, true)));
        UUID admin = server.server().engine().deployment().deploymentAdministrators().getFirst();
        for (ExecuteMultipleResponseItem item : r.responses()) {
            UUID id = ((CreateResponse) item.response()).id();
            Entity e = client.retrieve("account", id, new ColumnSet("createdby", "createdonbehalfby"));
            assertThat(((EntityReference) e.get("createdby")).id()).isEqualTo(user.userId());
            assertThat(((EntityReference) e.get("createdonbehalfby")).id()).isEqualTo(admin);
        }
        assertThatThrownBy(() -> client(server.orgUrl(), user.token()).withCallerId(admin).execute(
                new ExecuteMultipleRequest(List.of(create("d7-c")), new ExecuteMultipleSettings(false, true))))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.errorCode()).isEqualTo(-2147180272));
        assertThat(count("d7-c")).isZero();
    }
}
