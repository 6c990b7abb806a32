package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Enum literals in {@code $filter} over raw HTTP: {@code Microsoft.Dynamics.CRM.OwnershipTypes'UserOwned'} (or with
 * the alias {@code mscrm}) compares as the member's name, which is how metadata renders enum values.
 */
abstract class WebApiEnumLiteralsContract extends WebApiServerContract {
    private List<String> tables(String filter) {
        WebApiHttp.Reply r = http.get(api + "EntityDefinitions?$select=LogicalName,OwnershipType&$filter=" + WebApiNavigationQueriesContract.encode(filter));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("value").valueStream().map(t -> t.get("LogicalName").asString()).toList();
    }

    @Test void enumLiteralsInMetadataFilters() {
        List<String> organizationOwned = tables("OwnershipType eq Microsoft.Dynamics.CRM.OwnershipTypes'OrganizationOwned'");
        assertThat(organizationOwned).isNotEmpty().doesNotContain("account", "contact");
        assertThat(organizationOwned).containsExactlyInAnyOrderElementsOf(tables("OwnershipType eq 'OrganizationOwned'"));
        List<String> userOwned = tables("OwnershipType eq mscrm.OwnershipTypes'UserOwned' and IsCustomEntity eq false");
        assertThat(userOwned).contains("account", "contact").doesNotContainAnyElementsOf(organizationOwned);
        assertThat(tables("not (OwnershipType ne Microsoft.Dynamics.CRM.OwnershipTypes'UserOwned') and LogicalName eq 'account'"))
                .containsExactly("account");

        WebApiHttp.Reply attributes = http.get(api + "EntityDefinitions(LogicalName='account')/Attributes?$select=LogicalName&$filter="
                + WebApiNavigationQueriesContract.encode("AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Money'"));
        assertThat(attributes.status()).as(attributes.body()).isEqualTo(200);
        JsonNode value = attributes.json().get("value");
        assertThat(value.valueStream().map(a -> a.get("LogicalName").asString()).toList()).contains("revenue").doesNotContain("name");

        WebApiHttp.Reply foreign = http.get(api + "EntityDefinitions?$filter="
                + WebApiNavigationQueriesContract.encode("OwnershipType eq Other.Namespace.OwnershipTypes'UserOwned'"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorCode()).isEqualTo("0x80040203");
        assertThat(foreign.json().get("error").get("message").asString()).contains("Microsoft.Dynamics.CRM");
        WebApiHttp.Reply lambda = http.get(api + "EntityDefinitions?$filter=" + WebApiNavigationQueriesContract.encode("Attributes/any(a: a/IsCustomAttribute eq true)"));
        assertThat(lambda.status()).isGreaterThanOrEqualTo(400);
    }

    @Test void enumLiteralsInRecordFiltersCompareAsTheMembersName() {
        String name = "Enum" + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.post(api + "accounts", "{\"name\":\"" + name + "\"}").status()).isEqualTo(204);
        WebApiHttp.Reply r = http.get(api + "accounts?$select=name&$filter=" + WebApiNavigationQueriesContract.encode(
                "name eq Microsoft.Dynamics.CRM.Names'" + name + "'"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("value").size()).isEqualTo(1);
        WebApiHttp.Reply choice = http.get(api + "accounts?$filter=" + WebApiNavigationQueriesContract.encode(
                "statecode eq Microsoft.Dynamics.CRM.account_statecode'Active'"));
        assertThat(choice.status()).as(choice.body()).isEqualTo(400);
    }
}
