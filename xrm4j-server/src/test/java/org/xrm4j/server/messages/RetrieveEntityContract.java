package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.RetrieveEntityRequest;
import org.xrm4j.sdk.messages.RetrieveEntityResponse;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.security.Role;

/** RetrieveEntity: a table's definition as an Entity, in process and over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetrieveEntityContract {
    TestServers.TestServer server;
    EngineCalls calls;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    Entity metadata(String entity) {
        return ((RetrieveEntityResponse) calls.execute(new RetrieveEntityRequest(entity))).entityMetadata();
    }

    static Map<String, Entity> columns(Entity metadata) {
        return ((EntityCollection) metadata.get("Attributes")).entities().stream()
                .collect(Collectors.toMap(a -> (String) a.get("LogicalName"), Function.identity()));
    }

    @Test void theTableNamesAndKeys() {
        Entity account = metadata("account");
        assertThat(account.logicalName()).isEqualTo("entitymetadata");
        assertThat(account.get("LogicalName")).isEqualTo("account");
        assertThat(account.get("SchemaName")).isEqualTo("account");
        assertThat(account.get("EntitySetName")).isEqualTo("accounts");
        assertThat(account.get("PrimaryIdAttribute")).isEqualTo("accountid");
        assertThat(account.get("MetadataId")).isEqualTo(org.xrm4j.server.metadata.MetadataIds.entity("account"));
        assertThat(account.get("ObjectTypeCode")).isEqualTo(1);
        assertThat(account.get("IsCustomEntity")).isEqualTo(false);
        assertThat(account.get("OwnershipType")).isEqualTo("UserOwned");
        assertThat(account.get("PrimaryNameAttribute")).isEqualTo("name");
        assertThat(((EntityCollection) account.get("Attributes")).entityName()).isEqualTo("attributemetadata");
    }

    @Test void everyColumnWithItsTypeAndLimits() {
        Map<String, Entity> columns = columns(metadata("account"));
        assertThat(columns).containsKeys("accountid", "name", "revenue", "numberofemployees", "industrycode",
                "primarycontactid", "donotemail", "createdon", "ownerid", "statecode", "statuscode");

        Entity name = columns.get("name");
        assertThat(name.logicalName()).isEqualTo("attributemetadata");
        assertThat(name.get("AttributeType")).isEqualTo("String");
        assertThat(name.get("MaxLength")).isEqualTo(160);
        assertThat(name.get("RequiredLevel")).isEqualTo("None");
        assertThat(name.contains("MinValue")).isFalse();
        assertThat(name.contains("Options")).isFalse();
        assertThat(name.contains("Targets")).isFalse();

        Entity employees = columns.get("numberofemployees");
        assertThat(employees.get("AttributeType")).isEqualTo("Integer");
        assertThat(employees.get("MinValue")).isEqualTo(0.0);
        assertThat(employees.get("MaxValue")).isEqualTo(1_000_000_000.0);

        assertThat(columns.get("revenue").get("AttributeType")).isEqualTo("Money");
        assertThat(columns.get("address1_latitude").get("AttributeType")).isEqualTo("Double");
        assertThat(columns.get("address1_latitude").get("Precision")).isEqualTo(5);
        assertThat(columns.get("donotemail").get("AttributeType")).isEqualTo("Boolean");
        assertThat(columns.get("industrycode").get("AttributeType")).isEqualTo("Picklist");
        assertThat((String) columns.get("industrycode").get("Options")).startsWith("1:Accounting,2:Agriculture");
        assertThat(columns.get("statecode").get("Options")).isEqualTo("0:Active,1:Inactive");
        assertThat(columns.get("statecode").get("RequiredLevel")).isEqualTo("SystemRequired");
        assertThat(columns.get("primarycontactid").get("Targets")).isEqualTo("contact");
        assertThat(columns.get("ownerid").get("Targets")).isEqualTo("systemuser,team");
    }

    @Test void whichColumnsAWriteMaySet() {
        Map<String, Entity> columns = columns(metadata("account"));
        assertThat(columns.get("accountid").get("ValidForCreate")).isEqualTo(true);
        assertThat(columns.get("accountid").get("ValidForUpdate")).isEqualTo(false);
        assertThat(columns.get("createdon").get("ValidForCreate")).isEqualTo(false);
        assertThat(columns.get("name").get("ValidForUpdate")).isEqualTo(true);
    }

    @Test void multiTargetAndMultiSelectColumns() {
        Map<String, Entity> contact = columns(metadata("contact"));
        assertThat(contact.get("parentcustomerid").get("AttributeType")).isEqualTo("Customer");
        assertThat(contact.get("parentcustomerid").get("Targets")).isEqualTo("account,contact");
        assertThat(contact.get("preferredcontactmethods").get("AttributeType")).isEqualTo("MultiSelectPicklist");
        assertThat(contact.get("preferredcontactmethods").get("Options")).isEqualTo("1:Any,2:Email,3:Phone,4:Fax,5:Mail");
    }

    @Test void entityFiltersIsAcceptedAndTheAnswerIsWhole() {
        Entity filtered = ((RetrieveEntityResponse) calls.execute(new RetrieveEntityRequest("account").entityFilters("Entity"))).entityMetadata();
        assertThat(filtered).isEqualTo(metadata("account"));
    }

    @Test void anUnknownTableIsTheMetadataFault() {
        var fault = EngineCalls.fault(ErrorCodes.QueryBuilderNoEntity, () -> metadata("nosuchtable"));
        assertThat(fault.getMessage()).contains("nosuchtable");
    }

    @Test void aMissingNameIsInvalidArgument() {
        EngineCalls.fault(ErrorCodes.InvalidArgument, () -> calls.execute(new RetrieveEntityRequest()));
    }

    @Test void overHttpTheAnswerIsTypedAndWhole() {
        try (HttpOrganizationService client = HttpOrganizationService.builder().baseUrl(server.orgUrl())
                .token(TestServers.ADMIN_TOKEN).build()) {
            var answer = client.execute(new OrganizationRequest("RetrieveEntity").set("LogicalName", "account"));
            assertThat(answer).isInstanceOf(RetrieveEntityResponse.class);
            assertThat(((RetrieveEntityResponse) answer).entityMetadata()).isEqualTo(metadata("account"));
        }
    }

    @Test void aBasicUserMayReadMetadata() {
        Deployment.IssuedUser basic = calls.engine().deployment().createUser(server.org(), "Meta", "Reader",
                "meta.reader@example.com", Role.BasicUser);
        var answer = (RetrieveEntityResponse) calls.executeAs(basic.token(), null, new RetrieveEntityRequest("contact"));
        assertThat(answer.entityMetadata().get("PrimaryNameAttribute")).isEqualTo("fullname");
    }
}
