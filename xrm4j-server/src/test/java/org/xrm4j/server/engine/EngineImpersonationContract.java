package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;

/** CallerId impersonation: who a write is recorded as, and who may impersonate whom. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineImpersonationContract {
    TestServers.TestServer server;
    EngineCalls calls;
    UUID admin;
    Deployment.IssuedUser basicUser;
    Deployment.IssuedUser secondAdmin;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        admin = calls.whoAmI().userId();
        Deployment deployment = calls.engine().deployment();
        basicUser = deployment.createUser(server.org(), "Basil", "User", "basil@example.com", Role.BasicUser);
        secondAdmin = deployment.createUser(server.org(), "Second", "Admin", "second@example.com", Role.SystemAdministrator);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private UUID createAs(String token, UUID callerId, Entity target) {
        return ((CreateResponse) calls.executeAs(token, callerId, new CreateRequest(target))).id();
    }

    private static EntityReference user(UUID id) { return new EntityReference("systemuser", id); }

    @Test void anAdministratorImpersonatingAUserWritesAsThatUserOnBehalfOfTheAdministrator() {
        UUID id = createAs(TestServers.ADMIN_TOKEN, basicUser.userId(), new Entity("account").set("name", "Impersonated"));
        Entity a = calls.retrieve("account", id);
        assertThat(a.get("createdby", EntityReference.class)).isEqualTo(new EntityReference("systemuser", basicUser.userId(), "Basil User"));
        assertThat(a.get("modifiedby", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(a.get("createdonbehalfby", EntityReference.class)).isEqualTo(new EntityReference("systemuser", admin, "System Administrator"));
        assertThat(a.get("modifiedonbehalfby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(a.get("ownerid", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(a.get("owningbusinessunit", EntityReference.class).id()).isEqualTo(server.org().rootBusinessUnitId());
    }

    @Test void withoutImpersonationNoOnBehalfColumnIsSet() {
        UUID id = calls.create(new Entity("account").set("name", "Direct"));
        Entity a = calls.retrieve("account", id);
        assertThat(a.get("createdby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(a.attributes()).doesNotContainKeys("createdonbehalfby", "modifiedonbehalfby");

        UUID own = createAs(TestServers.ADMIN_TOKEN, admin, new Entity("account").set("name", "CallerId is myself"));
        assertThat(calls.retrieve("account", own).attributes()).doesNotContainKeys("createdonbehalfby", "modifiedonbehalfby");
    }

    @Test void anUpdateRecordsTheLatestCallerOnly() {
        UUID id = calls.create(new Entity("account").set("name", "Updated twice"));
        calls.executeAs(TestServers.ADMIN_TOKEN, basicUser.userId(), new UpdateRequest(new Entity("account", id).set("telephone1", "1")));
        Entity impersonated = calls.retrieve("account", id);
        assertThat(impersonated.get("modifiedby", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(impersonated.get("modifiedonbehalfby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(impersonated.get("createdby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(impersonated.contains("createdonbehalfby")).isFalse();

        calls.update(new Entity("account", id).set("telephone1", "2"));
        Entity direct = calls.retrieve("account", id);
        assertThat(direct.get("modifiedby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(direct.contains("modifiedonbehalfby")).isFalse();
    }

    @Test void whoAmIAnswersTheImpersonatedUser() {
        WhoAmIResponse me = (WhoAmIResponse) calls.executeAs(TestServers.ADMIN_TOKEN, basicUser.userId(), new WhoAmIRequest());
        assertThat(me.userId()).isEqualTo(basicUser.userId());
        WhoAmIResponse basic = (WhoAmIResponse) calls.executeAs(basicUser.token(), null, new WhoAmIRequest());
        assertThat(basic.userId()).isEqualTo(basicUser.userId());
    }

    @Test void anOrganizationsOwnSystemAdministratorMayImpersonate() {
        UUID id = createAs(secondAdmin.token(), basicUser.userId(), new Entity("contact").set("lastname", "By second admin"));
        Entity c = calls.retrieve("contact", id);
        assertThat(c.get("createdby", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(c.get("createdonbehalfby", EntityReference.class))
                .isEqualTo(new EntityReference("systemuser", secondAdmin.userId(), "Second Admin"));

        UUID asAdmin = createAs(secondAdmin.token(), admin, new Entity("contact").set("lastname", "As the deployment admin"));
        assertThat(calls.retrieve("contact", asAdmin).get("createdby", EntityReference.class).id()).isEqualTo(admin);
    }

    @Test void aBasicUserWritesAsThemselvesButCannotImpersonate() {
        UUID own = createAs(basicUser.token(), null, new Entity("account").set("name", "Basic own"));
        Entity a = calls.retrieve("account", own);
        assertThat(a.get("createdby", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(a.get("ownerid", EntityReference.class)).isEqualTo(new EntityReference("systemuser", basicUser.userId(), "Basil User"));
        assertThat(a.contains("createdonbehalfby")).isFalse();

        String tag = EngineCalls.tag();
        FaultException f = fault(ErrorCodes.CannotActOnBehalfOfAnotherUser,
                () -> createAs(basicUser.token(), admin, new Entity("account").set("name", "Escalation").set("accountnumber", tag)));
        assertThat(f.errorCode()).isEqualTo(0x8004A110);
        assertThat(calls.idsWhere("account", "accountnumber", tag)).isEmpty();
    }

    @Test void aCallerIdThatIsNoUserIsInvalidCallerId() {
        String tag = EngineCalls.tag();
        UUID notAUser = UUID.randomUUID();
        FaultException f = fault(ErrorCodes.InvalidCallerId,
                () -> createAs(TestServers.ADMIN_TOKEN, notAUser, new Entity("account").set("name", "Nobody").set("accountnumber", tag)));
        assertThat(f.getMessage()).contains(notAUser.toString());
        UUID account = calls.create(new Entity("account").set("name", "An account is no user"));
        fault(ErrorCodes.InvalidCallerId, () -> createAs(TestServers.ADMIN_TOKEN, account, new Entity("account").set("accountnumber", tag)));
        assertThat(calls.idsWhere("account", "accountnumber", tag)).isEmpty();
    }

    @Test void anExplicitOwnerTakesTheOwnersBusinessUnit() {
        UUID id = calls.create(new Entity("account").set("name", "Given away").set("ownerid", user(basicUser.userId())));
        Entity a = calls.retrieve("account", id);
        assertThat(a.get("ownerid", EntityReference.class).id()).isEqualTo(basicUser.userId());
        assertThat(a.get("createdby", EntityReference.class).id()).isEqualTo(admin);
        assertThat(a.get("owningbusinessunit", EntityReference.class).id()).isEqualTo(server.org().rootBusinessUnitId());
    }

    @Test void anInvalidTokenIsRefusedWhateverTheCallerId() {
        fault(ErrorCodes.InvalidUserAuth, () -> calls.executeAs("not-a-token", null, new WhoAmIRequest()));
        fault(ErrorCodes.InvalidUserAuth, () -> calls.executeAs(null, basicUser.userId(), new WhoAmIRequest()));
    }
}
