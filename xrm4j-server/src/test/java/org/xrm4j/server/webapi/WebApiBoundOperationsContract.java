package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Bound operations over raw HTTP: the action {@code POST accounts/Microsoft.Dynamics.CRM.UpsertMultiple} (records
 * named by {@code @odata.id}, an id or an alternate key, or by their primary key property, updated or created, all or
 * nothing, answered 204) and the function {@code systemusers(<id>)/RetrieveUserPrivileges()}.
 */
abstract class WebApiBoundOperationsContract extends WebApiServerContract {
    @BeforeAll void keys() {
        WebApiKeys.define(server, "account", "new_AccountNumberKey", "accountnumber");
    }

    String create(String json) {
        WebApiHttp.Reply r = http.post(api + "accounts", json);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
    }

    List<String> names(String prefix) {
        return http.get(api + "accounts?$select=name&$orderby=name&$filter=" + WebApiContract.filter("startswith(name,'" + prefix + "')"))
                .json().get("value").valueStream().map(a -> a.get("name").asString()).toList();
    }

    static String typed(String properties) { return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\"," + properties + "}"; }

    @Test void upsertMultipleUpdatesOrCreatesEachRecord() {
        String p = "WU" + UUID.randomUUID().toString().substring(0, 6);
        String byId = create("{\"name\":\"" + p + " A old\"}");
        create("{\"name\":\"" + p + " C old\",\"accountnumber\":\"" + p + "-C\"}");
        String fresh = UUID.randomUUID().toString();
        WebApiHttp.Reply r = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + typed("\"name\":\"" + p + " A\",\"@odata.id\":\"accounts(" + byId + ")\"") + ","
                + typed("\"name\":\"" + p + " B\",\"accountid\":\"" + fresh + "\"") + ","
                + typed("\"name\":\"" + p + " C\",\"@odata.id\":\"" + api + "accounts(accountnumber='" + p + "-C')\"") + ","
                + typed("\"name\":\"" + p + " D\",\"@odata.id\":\"accounts(accountnumber='" + p + "-D')\"") + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(names(p)).containsExactly(p + " A", p + " B", p + " C", p + " D");
        assertThat(http.get(api + "accounts(" + fresh + ")?$select=name").json().get("name").asString()).isEqualTo(p + " B");
        JsonNode d = http.get(api + "accounts(accountnumber='" + p + "-D')?$select=name,accountnumber").json();
        assertThat(d.get("name").asString()).isEqualTo(p + " D");
    }

    @Test void upsertMultipleIsAllOrNothingAndChecksItsTargets() {
        String p = "WN" + UUID.randomUUID().toString().substring(0, 6);
        WebApiHttp.Reply bad = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + typed("\"name\":\"" + p + " ok\",\"@odata.id\":\"accounts(accountnumber='" + p + "-1')\"") + ","
                + typed("\"name\":\"" + p + " " + "x".repeat(200) + "\",\"@odata.id\":\"accounts(accountnumber='" + p + "-2')\"") + "]}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(names(p)).isEmpty();

        WebApiHttp.Reply otherSet = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + typed("\"name\":\"x\",\"@odata.id\":\"contacts(" + UUID.randomUUID() + ")\"") + "]}");
        assertThat(otherSet.status()).isEqualTo(400);
        assertThat(otherSet.errorCode()).isEqualTo("0x80040203");
        WebApiHttp.Reply notAKey = http.post(api + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + typed("\"name\":\"x\",\"@odata.id\":\"accounts(name='x')\"") + "]}");
        assertThat(notAKey.status()).isEqualTo(400);
        assertThat(notAKey.errorCode()).isEqualTo("0x80040203");
    }

    @Test void retrieveUserPrivilegesListsTheRolesPrivilegesAtGlobalDepth() {
        JsonNode me = http.get(api + "WhoAmI").json();
        WebApiHttp.Reply r = http.get(api + "systemusers(" + me.get("UserId").asString() + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("@odata.context").asString()).isEqualTo(api + "$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse");
        Map<String, JsonNode> admin = byName(r.json().get("RolePrivileges"));
        assertThat(admin).containsKeys("prvCreateAccount", "prvReadAccount", "prvWriteContact", "prvAssignAccount", "prvShareContact",
                "prvImportCustomization", "prvCreateEntity", "prvActOnBehalfOfAnotherUser");
        JsonNode create = admin.get("prvCreateAccount");
        assertThat(create.get("Depth").asString()).isEqualTo("Global");
        assertThat(create.get("BusinessUnitId").asString()).isEqualTo(me.get("BusinessUnitId").asString());
        assertThat(UUID.fromString(create.get("PrivilegeId").asString())).isNotNull();
        // Organization-owned tables cannot be assigned or shared.
        assertThat(admin).containsKey("prvReadOrganization").doesNotContainKey("prvAssignOrganization");

        Deployment.IssuedUser basic = server.server().engine().deployment()
                .createUser(server.org(), "Priv", "Basic", "priv." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        Map<String, JsonNode> user = byName(http.get(api + "systemusers(" + basic.userId() + ")/RetrieveUserPrivileges()").json().get("RolePrivileges"));
        assertThat(user).containsKeys("prvCreateAccount", "prvMerge").doesNotContainKeys("prvImportCustomization", "prvCreateEntity");
        assertThat(user.get("prvCreateAccount").get("PrivilegeId").asString()).isEqualTo(create.get("PrivilegeId").asString());

        WebApiHttp.Reply missing = http.get(api + "systemusers(" + UUID.randomUUID() + ")/RetrieveUserPrivileges()");
        assertThat(missing.status()).isEqualTo(404);
        WebApiHttp.Reply wrongSet = http.get(api + "accounts(" + UUID.randomUUID() + ")/RetrieveUserPrivileges()");
        assertThat(wrongSet.status()).isEqualTo(400);
        assertThat(http.post(api + "systemusers(" + basic.userId() + ")/RetrieveUserPrivileges()", "{}").status()).isEqualTo(400);
    }

    static Map<String, JsonNode> byName(JsonNode privileges) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (JsonNode p : privileges) out.put(p.get("PrivilegeName").asString(), p);
        return out;
    }
}
