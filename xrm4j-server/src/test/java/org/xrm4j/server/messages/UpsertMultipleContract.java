package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.UpsertMultipleRequest;
import org.xrm4j.sdk.messages.UpsertMultipleResponse;
import org.xrm4j.sdk.messages.UpsertResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * UpsertMultiple through the engine: each Target named by id or by alternate key is updated when its record exists and
 * created otherwise, the response tells which, in the order of the Targets; and a failure of any leaves none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpsertMultipleContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        // An alternate key on account by accountnumber, published into the metadata as a key-creating import leaves it.
        OrganizationMetadata m = server.org().metadata();
        List<EntityMetadata> entities = new ArrayList<>();
        for (EntityMetadata e : m.entities()) {
            entities.add(e.logicalName().equals("account") ? e.withKeys(List.of(new EntityKeyMetadata("accountnumberkey", List.of("accountnumber")))) : e);
        }
        server.org().metadata(new OrganizationMetadata(entities, m.relationships()));
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    OrganizationResponse execute(OrganizationRequest r) {
        return server.server().engine().execute(server.organization(), TestServers.ADMIN_TOKEN, null, r);
    }

    static Entity byKey(String number, String name) {
        Entity e = new Entity("account").set("name", name);
        e.keyAttributes().put("accountnumber", number);
        return e;
    }

    List<Entity> accounts(String prefix) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name", "accountnumber"));
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        q.addOrder("name", OrderType.Ascending);
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(q))).entityCollection().entities();
    }

    @Test void upsertsEachTargetByIdOrAlternateKey() {
        String p = "UM" + UUID.randomUUID().toString().substring(0, 6);
        UUID existing = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", p + " A old")))).id();
        execute(new CreateRequest(new Entity("account").set("name", p + " C old").set("accountnumber", p + "-C")));
        UUID fresh = UUID.randomUUID();
        List<Entity> targets = List.of(new Entity("account", existing).set("name", p + " A"), new Entity("account", fresh).set("name", p + " B"),
                byKey(p + "-C", p + " C"), byKey(p + "-D", p + " D"));

        UpsertMultipleResponse r = (UpsertMultipleResponse) execute(new UpsertMultipleRequest(new EntityCollection(targets).entityName("account")));

        assertThat(r.upsertResults()).extracting(UpsertResponse::recordCreated).containsExactly(false, true, false, true);
        assertThat(r.upsertResults().get(0).target()).isEqualTo(new EntityReference("account", existing));
        assertThat(r.upsertResults().get(1).target().id()).isEqualTo(fresh);
        List<Entity> stored = accounts(p);
        assertThat(stored).extracting(e -> e.get("name")).containsExactly(p + " A", p + " B", p + " C", p + " D");
        assertThat(stored.get(3).get("accountnumber")).isEqualTo(p + "-D");
        assertThat(stored.get(3).id()).isEqualTo(r.upsertResults().get(3).target().id());
        assertThat(stored.get(2).id()).isEqualTo(r.upsertResults().get(2).target().id());
    }

    @Test void aFailureOfAnyTargetLeavesNone() {
        String p = "UN" + UUID.randomUUID().toString().substring(0, 6);
        UUID existing = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", p + " A old")))).id();
        List<Entity> targets = List.of(new Entity("account", existing).set("name", p + " A"), byKey(p + "-B", p + " B"),
                new Entity("account").set("name", p + " without id or key"));

        assertThatThrownBy(() -> execute(new UpsertMultipleRequest(new EntityCollection(targets).entityName("account"))))
                .isInstanceOf(FaultException.class).hasMessageContaining("alternate keys");

        assertThat(accounts(p)).extracting(e -> e.get("name")).containsExactly(p + " A old");
    }

    @Test void targetsMustBeOfOneTable() {
        EntityCollection mixed = new EntityCollection(List.of(new Entity("account", UUID.randomUUID()).set("name", "x"),
                new Entity("contact", UUID.randomUUID()).set("lastname", "y"))).entityName("account");
        assertThatThrownBy(() -> execute(new UpsertMultipleRequest(mixed))).isInstanceOf(FaultException.class)
                .hasMessageContaining("Targets[1]");
        assertThatThrownBy(() -> execute(new UpsertMultipleRequest(new EntityCollection(List.of()).entityName("account"))))
                .isInstanceOf(FaultException.class).hasMessageContaining("at least one record");
    }
}
