package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;

/**
 * The bulk path of ExecuteMultiple (runs of Creates inserted together) must give exactly the outcomes of running the
 * requests one by one. Failures are injected at every position of a run, of both kinds: a value the server refuses
 * before SQL (too long a name) and a row the database refuses (a duplicate id, or a lookup to a missing record).
 * ExecuteTransaction's bulk path is held to its own outcome: the fault names the failing request, nothing stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkPathContract {
    /** More than the rows of one multi-row INSERT on H2 (32), so that failures fall inside a group and after it. */
    static final int SIZE = 40;
    TestServers.TestServer server;
    UUID existing;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        existing = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", "existing")))).id();
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    org.xrm4j.sdk.OrganizationResponse execute(OrganizationRequest r) {
        return server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN, null, r);
    }

    OrganizationRequest failing(String kind, String name) {
        return switch (kind) {
            case "validation" -> new CreateRequest(new Entity("account").set("name", name + "x".repeat(200)));
            case "duplicate" -> new CreateRequest(new Entity("account", existing).set("name", name));
            case "lookup" -> new CreateRequest(new Entity("account").set("name", name)
                    .set("parentaccountid", new EntityReference("account", UUID.randomUUID())));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    List<String> names(String prefix) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        q.addOrder("name", org.xrm4j.sdk.query.OrderType.Ascending);
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(q))).entityCollection().entities().stream()
                .map(e -> (String) e.get("name")).toList();
    }

    @ParameterizedTest(name = "{0} failure, continue={1}")
    @CsvSource({"validation,true", "validation,false", "duplicate,true", "duplicate,false", "lookup,true", "lookup,false"})
    void aFailureAtEveryPositionAffectsOnlyItsOwnItem(String kind, boolean continueOnError) {
        for (int position = 0; position < SIZE; position++) {
            String prefix = kind.charAt(0) + (continueOnError ? "c" : "s") + position + "-";
            List<OrganizationRequest> requests = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                String name = prefix + String.format("%02d", i);
                requests.add(i == position ? failing(kind, name) : new CreateRequest(new Entity("account").set("name", name)));
            }
            ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(requests,
                    new ExecuteMultipleSettings(continueOnError, true)));
            int last = continueOnError ? SIZE - 1 : position;
            assertThat(r.responses()).extracting(ExecuteMultipleResponseItem::requestIndex)
                    .as("%s at %d", kind, position).containsExactlyElementsOf(range(0, last));
            for (ExecuteMultipleResponseItem item : r.responses()) {
                assertThat(item.fault() != null).as("item %d", item.requestIndex()).isEqualTo(item.requestIndex() == position);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i <= last; i++) if (i != position) expected.add(prefix + String.format("%02d", i));
            assertThat(names(prefix)).as("%s at %d", kind, position).containsExactlyElementsOf(expected);
        }
    }

    /** Positions as offsets from the insert group's size, so the cases straddle a group boundary whatever it is. */
    @ParameterizedTest(name = "refused row at group size {0}")
    @CsvSource({"-1000", "-1", "0", "1", "499"}) // -1000 stands for the first row
    void longRunsCrossTheirInsertGroups(int offset) {
        int size = 2 * ExecuteMultipleHandler.RUN_SIZE;
        int position = offset == -1000 ? 0 : ExecuteMultipleHandler.RUN_SIZE + offset;
        String prefix = "long" + position + "-";
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = prefix + String.format("%04d", i);
            requests.add(i == position ? failing("duplicate", name) : new CreateRequest(new Entity("account").set("name", name)));
        }
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(true, false)));
        assertThat(r.responses()).extracting(ExecuteMultipleResponseItem::requestIndex).containsExactly(position);
        assertThat(names(prefix)).hasSize(size - 1).doesNotContain(prefix + String.format("%04d", position));
    }

    /**
     * A batch of two full insert groups, stopping at a failure in either: every later item is unanswered and
     * unwritten, and the group the failure is in is written up to the failing row only.
     */
    @ParameterizedTest(name = "{0} failure at {1}, stopping")
    @CsvSource({"duplicate,0", "duplicate,250", "duplicate,499", "duplicate,500", "duplicate,999",
            "validation,499", "validation,500", "validation,700"})
    void longRunsStopAtTheFailureAndWriteNothingAfterIt(String kind, int position) {
        int size = 2 * ExecuteMultipleHandler.RUN_SIZE;
        String prefix = "stop" + kind.charAt(0) + position + "-";
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = prefix + String.format("%04d", i);
            requests.add(i == position ? failing(kind, name) : new CreateRequest(new Entity("account").set("name", name)));
        }
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(requests, new ExecuteMultipleSettings(false, true)));
        assertThat(r.responses()).extracting(ExecuteMultipleResponseItem::requestIndex).containsExactlyElementsOf(range(0, position));
        assertThat(r.responses().getLast().fault()).isNotNull();
        assertThat(r.responses().subList(0, position)).allSatisfy(item -> assertThat(item.fault()).isNull());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < position; i++) expected.add(prefix + String.format("%04d", i));
        assertThat(names(prefix)).containsExactlyElementsOf(expected);
    }

    /** ExecuteTransaction's bulk path: any failing Create fails the whole transaction, named by its own index. */
    @ParameterizedTest(name = "{0} failure in a transaction")
    @CsvSource({"validation", "duplicate", "lookup"})
    void aFailureInATransactionNamesItsIndexAndLeavesNothing(String kind) {
        for (int position = 0; position < SIZE; position++) {
            String prefix = "t" + kind.charAt(0) + position + "-";
            List<OrganizationRequest> requests = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                String name = prefix + String.format("%02d", i);
                requests.add(i == position ? failing(kind, name) : new CreateRequest(new Entity("account").set("name", name)));
            }
            int expected = position;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(new ExecuteTransactionRequest(requests, true)))
                    .as("%s at %d", kind, position)
                    .isInstanceOfSatisfying(FaultException.class, e -> assertThat(((ExecuteTransactionFault) e.fault())
                            .faultedRequestIndex()).as("%s at %d", kind, expected).isEqualTo(expected));
            assertThat(names(prefix)).as("%s at %d", kind, position).isEmpty();
        }
    }

    @ParameterizedTest(name = "transaction of {0} Creates")
    @CsvSource({"1", "1000"})
    void aTransactionOfCreatesWritesThemAllWithTheirIds(int size) {
        String prefix = "tok" + size + "-";
        List<OrganizationRequest> requests = new ArrayList<>();
        for (int i = 0; i < size; i++) requests.add(new CreateRequest(new Entity("account").set("name", prefix + String.format("%04d", i))));
        ExecuteTransactionResponse r = (ExecuteTransactionResponse) execute(new ExecuteTransactionRequest(requests, true));
        assertThat(r.responses()).hasSize(size).allSatisfy(c -> assertThat(((CreateResponse) c).id()).isNotNull());
        assertThat(names(prefix)).hasSize(size);
        QueryExpression versions = new QueryExpression("account").columnSet(new ColumnSet("versionnumber"));
        versions.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        assertThat(((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(versions))).entityCollection().entities())
                .as("every row its own version").extracting(e -> e.get("versionnumber")).doesNotHaveDuplicates().hasSize(size);
        UUID first = ((CreateResponse) r.responses().getFirst()).id();
        Entity back = ((org.xrm4j.sdk.messages.RetrieveResponse) execute(new org.xrm4j.sdk.messages.RetrieveRequest(
                new EntityReference("account", first), new ColumnSet("name")))).entity();
        assertThat(back.get("name")).isEqualTo(prefix + "0000");
    }

    static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i <= to; i++) l.add(i);
        return l;
    }
}
