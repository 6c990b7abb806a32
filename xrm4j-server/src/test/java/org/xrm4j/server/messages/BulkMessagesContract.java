package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateMultipleRequest;
import org.xrm4j.sdk.messages.CreateMultipleResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.messages.UpdateMultipleRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;

/**
 * CreateMultiple and UpdateMultiple through the engine: ids in order, one transaction (a failure of any record, found
 * before SQL or by the database, leaves none), and the single-record steps running once per record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkMessagesContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() { server = TestServers.start(database()); }

    @AfterAll void stop() { if (server != null) server.close(); }

    OrganizationResponse execute(OrganizationRequest r) {
        return server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN, null, r);
    }

    static EntityCollection accounts(String prefix, int count) {
        List<Entity> records = new ArrayList<>();
        for (int i = 0; i < count; i++) records.add(new Entity("account").set("name", prefix + String.format("%02d", i)).set("numberofemployees", i));
        return new EntityCollection(records).entityName("account");
    }

    List<String> names(String prefix) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        q.addOrder("name", org.xrm4j.sdk.query.OrderType.Ascending);
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(q))).entityCollection().entities().stream()
                .map(e -> (String) e.get("name")).toList();
    }

    static void fault(org.xrm4j.sdk.ErrorCode code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FaultException.class, f -> assertThat(f.fault().errorCode()).isEqualTo(code.code()));
    }

    @Test void createMultipleAnswersTheIdsInOrder() {
        List<UUID> ids = ((CreateMultipleResponse) execute(new CreateMultipleRequest(accounts("cmo-", 25)))).ids();
        assertThat(ids).hasSize(25).doesNotHaveDuplicates();
        for (int i = 0; i < ids.size(); i++) {
            Entity e = ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference("account", ids.get(i)), new ColumnSet("name")))).entity();
            assertThat(e.get("name")).isEqualTo("cmo-" + String.format("%02d", i));
        }
    }

    @Test void aRecordTheDatabaseRefusesLeavesNone() {
        UUID existing = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", "cmd-existing")))).id();
        EntityCollection duplicate = accounts("cmd-", 10);
        duplicate.entities().set(6, new Entity("account", existing).set("name", "cmd-dup"));
        fault(ErrorCodes.DuplicateRecord, () -> execute(new CreateMultipleRequest(duplicate)));
        assertThat(names("cmd-")).containsExactly("cmd-existing");

        EntityCollection missingParent = accounts("cml-", 10);
        missingParent.entities().get(3).set("parentaccountid", new EntityReference("account", UUID.randomUUID()));
        assertThatThrownBy(() -> execute(new CreateMultipleRequest(missingParent))).isInstanceOf(FaultException.class);
        assertThat(names("cml-")).isEmpty();

        EntityCollection tooLong = accounts("cmv-", 10);
        tooLong.entities().get(9).set("name", "cmv-" + "x".repeat(300));
        fault(ErrorCodes.Validation, () -> execute(new CreateMultipleRequest(tooLong)));
        assertThat(names("cmv-")).isEmpty();
    }

    @Test void targetsMustBeOneTableAndNotEmpty() {
        fault(ErrorCodes.InvalidArgument, () -> execute(new CreateMultipleRequest(new EntityCollection().entityName("account"))));
        EntityCollection mixed = accounts("cmm-", 2);
        mixed.entities().add(new Entity("contact").set("lastname", "x"));
        fault(ErrorCodes.InvalidArgument, () -> execute(new CreateMultipleRequest(mixed)));
        assertThat(names("cmm-")).isEmpty();
        fault(ErrorCodes.InvalidArgument, () -> execute(new CreateMultipleRequest()));
    }

    @Test void singleRecordStepsRunOncePerRecord() {
        AtomicInteger creates = new AtomicInteger();
        AtomicInteger updates = new AtomicInteger();
        PipelineStep onCreate = step("Create", creates);
        PipelineStep onUpdate = step("Update", updates);
        server.server().engine().pipeline().register(onCreate);
        server.server().engine().pipeline().register(onUpdate);
        try {
            List<UUID> ids = ((CreateMultipleResponse) execute(new CreateMultipleRequest(accounts("cms-", 4)))).ids();
            assertThat(creates.get()).isEqualTo(4);
            List<Entity> changes = new ArrayList<>();
            for (UUID id : ids) changes.add(new Entity("account", id).set("numberofemployees", 99));
            execute(new UpdateMultipleRequest(new EntityCollection(changes).entityName("account")));
            assertThat(updates.get()).isEqualTo(4);
        } finally {
            server.server().engine().pipeline().unregister(onCreate);
            server.server().engine().pipeline().unregister(onUpdate);
        }
    }

    @Test void updateMultipleIsAllOrNothing() {
        List<UUID> ids = ((CreateMultipleResponse) execute(new CreateMultipleRequest(accounts("umo-", 3)))).ids();
        List<Entity> changes = new ArrayList<>();
        for (UUID id : ids) changes.add(new Entity("account", id).set("numberofemployees", 500));
        changes.add(new Entity("account", UUID.randomUUID()).set("numberofemployees", 500));
        fault(ErrorCodes.ObjectDoesNotExist, () -> execute(new UpdateMultipleRequest(new EntityCollection(changes).entityName("account"))));
        for (UUID id : ids) {
            Entity e = ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference("account", id), new ColumnSet("numberofemployees")))).entity();
            assertThat(e.get("numberofemployees")).isNotEqualTo(500);
        }
    }

    static PipelineStep step(String message, AtomicInteger counter) {
        return new PipelineStep() {
            @Override public String messageName() { return message; }

            @Override public int stage() { return PipelineStep.PRE_OPERATION; }

            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                counter.incrementAndGet();
            }
        };
    }
}
