package org.xrm4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.security.Role;

/** The Java client against a real server: the SDK's shortcuts, faults as exceptions, and CallerId. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JavaClientContract {
    TestServers.TestServer server;
    HttpOrganizationService service;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        service = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
    }

    @AfterAll void stop() {
        if (service != null) service.close();
        if (server != null) server.close();
    }

    @Test void createRetrieveQueryUpdateDelete() {
        UUID id = service.create(new Entity("account").set("name", "Client Co").set("revenue", new Money("1234.50")));
        Entity read = service.retrieve("account", id, new ColumnSet("name", "revenue", "createdby"));
        assertThat(read.get("name")).isEqualTo("Client Co");
        assertThat(read.get("revenue")).isEqualTo(new Money("1234.5"));
        assertThat(read.get("createdby")).isInstanceOf(EntityReference.class);

        service.update(new Entity("account", id).set("name", "Client Company"));
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("name", ConditionOperator.Equal, "client company");
        assertThat(service.retrieveMultiple(q).entities()).extracting(Entity::id).containsExactly(id);

        service.delete("account", id);
        assertThatThrownBy(() -> service.retrieve("account", id, ColumnSet.all()))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.ObjectDoesNotExist.code()));
    }

    @Test void callerIdImpersonates() {
        var user = server.server().engine().deployment().createUser(server.org(), "Client", "User", "client@example.com", Role.BasicUser);
        UUID id = service.withCallerId(user.userId()).create(new Entity("contact").set("lastname", "Impersonated"));
        Entity read = service.retrieve("contact", id, new ColumnSet("createdby", "createdonbehalfby", "fullname"));
        assertThat(((EntityReference) read.get("createdby")).id()).isEqualTo(user.userId());
        assertThat(read.contains("createdonbehalfby")).isTrue();
        assertThat(read.get("fullname")).isEqualTo("Impersonated");
    }
}
