package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessRequest;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessResponse;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;

/** RetrievePrincipalAccess: every enabled user holds every record right on an existing record; faults otherwise. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetrievePrincipalAccessContract {
    static final String ALL = "ReadAccess, WriteAccess, AppendAccess, AppendToAccess, CreateAccess, DeleteAccess, ShareAccess, AssignAccess";

    TestServers.TestServer server;
    EngineCalls calls;
    UUID account;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        account = calls.create(new Entity("account").set("name", "Access"));
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    @Test void everyEnabledUserHoldsEveryRecordRight() {
        UUID admin = calls.whoAmI().userId();
        Deployment.IssuedUser basic = calls.engine().deployment().createUser(server.org(), "Access", "Basic", null, Role.BasicUser);
        for (UUID user : new UUID[] {admin, basic.userId()}) {
            RetrievePrincipalAccessResponse r = (RetrievePrincipalAccessResponse) calls.execute(new RetrievePrincipalAccessRequest(
                    new EntityReference("systemuser", user), new EntityReference("account", account)));
            assertThat(r.accessRights()).isEqualTo(ALL);
        }
    }

    @Test void overHttpTheAnswerComesBackTyped() {
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build()) {
            RetrievePrincipalAccessResponse r = (RetrievePrincipalAccessResponse) client.execute(new RetrievePrincipalAccessRequest(
                    new EntityReference("systemuser", calls.whoAmI().userId()), new EntityReference("account", account)));
            assertThat(r.accessRights()).isEqualTo(ALL);
        }
    }

    @Test void missingRecordOrUserOrParameterFaults() {
        UUID admin = calls.whoAmI().userId();
        EngineCalls.fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new RetrievePrincipalAccessRequest(
                new EntityReference("systemuser", admin), new EntityReference("account", UUID.randomUUID()))));
        EngineCalls.fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new RetrievePrincipalAccessRequest(
                new EntityReference("systemuser", UUID.randomUUID()), new EntityReference("account", account))));
        EngineCalls.fault(ErrorCodes.InvalidArgument, () -> calls.execute(new RetrievePrincipalAccessRequest(
                new EntityReference("account", account), new EntityReference("account", account))));
        EngineCalls.fault(ErrorCodes.InvalidArgument, () -> calls.execute(new RetrievePrincipalAccessRequest()
                .set("Principal", new EntityReference("systemuser", admin))));
    }
}
