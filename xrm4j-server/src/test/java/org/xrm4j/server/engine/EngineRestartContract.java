package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.XrmServer;

/**
 * What a server wrote is there after it stops and a new server starts on the same database: the embedded H2 file
 * database in the data folder, or the same PostgreSQL database.
 */
abstract class EngineRestartContract {
    abstract String database();

    /** H2: no JDBC URL, so the server uses the file database in {@code dataDir}; PostgreSQL: the test database. */
    XrmServer.Config config(Path dataDir) {
        XrmServer.Config c = XrmServer.Config.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServers.ADMIN_TOKEN);
        return database().equals("postgresql") ? c.withJdbcUrl(TestServers.postgresUrl()) : c;
    }

    static OrganizationResponse execute(XrmServer server, String org, OrganizationRequest request) {
        return server.engine().execute(org, TestServers.ADMIN_TOKEN, null, request);
    }

    static Entity retrieve(XrmServer server, String org, String entity, UUID id) {
        return ((RetrieveResponse) execute(server, org, new RetrieveRequest(new EntityReference(entity, id), ColumnSet.all()))).entity();
    }

    @Test void recordsAndOrganizationsSurviveARestart(@TempDir Path data) {
        String org = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        UUID account;
        UUID contact;
        long version;
        try (XrmServer first = XrmServer.start(config(data))) {
            first.engine().deployment().createOrganization(org);
            account = ((CreateResponse) execute(first, org, new CreateRequest(new Entity("account").set("name", "Durable")
                    .set("revenue", new Money("99.95")).set("industrycode", new OptionSetValue(4))))).id();
            contact = ((CreateResponse) execute(first, org, new CreateRequest(new Entity("contact").set("firstname", "Stay")
                    .set("lastname", "Put").set("parentcustomerid", new EntityReference("account", account))))).id();
            execute(first, org, new UpdateRequest(new Entity("account", account).set("primarycontactid", new EntityReference("contact", contact))));
            version = retrieve(first, org, "account", account).get("versionnumber", Long.class);
        }
        if (database().equals("h2")) assertThat(Files.exists(data.resolve("xrm4j.mv.db"))).as("the H2 file database").isTrue();

        try (XrmServer second = XrmServer.start(config(data))) {
            assertThat(second.engine().deployment().organizationNames()).contains(org);
            Entity a = retrieve(second, org, "account", account);
            assertThat(a.get("name")).isEqualTo("Durable");
            assertThat(a.get("revenue")).isEqualTo(new Money("99.95"));
            assertThat(a.formattedValues()).containsEntry("industrycode", "Brokers");
            assertThat(a.get("primarycontactid")).isEqualTo(new EntityReference("contact", contact, "Stay Put"));
            assertThat(a.get("versionnumber", Long.class)).isEqualTo(version);
            assertThat(retrieve(second, org, "contact", contact).get("parentcustomerid"))
                    .isEqualTo(new EntityReference("account", account, "Durable"));

            execute(second, org, new UpdateRequest(new Entity("account", account).set("name", "Durable again")));
            assertThat(retrieve(second, org, "account", account).get("versionnumber", Long.class))
                    .as("the version sequence continues where it was").isGreaterThan(version);
        }

        try (XrmServer third = XrmServer.start(config(data))) {
            assertThat(retrieve(third, org, "account", account).get("name")).isEqualTo("Durable again");
        }
    }

    /** Tables and columns made by the metadata messages keep their labels and type code across a restart. */
    @Test void metadataChangesSurviveARestart(@TempDir Path data) {
        String org = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        int code;
        try (XrmServer first = XrmServer.start(config(data))) {
            first.engine().deployment().createOrganization(org);
            execute(first, org, new org.xrm4j.sdk.messages.CreateEntityRequest()
                    .entity(new Entity("entitymetadata").set("SchemaName", "new_Depot").set("DisplayName", "Depot").set("DisplayCollectionName", "Depots"))
                    .primaryAttribute(new Entity("attributemetadata").set("SchemaName", "new_Name").set("MaxLength", 80)));
            execute(first, org, new org.xrm4j.sdk.messages.CreateAttributeRequest().entityName("account")
                    .attribute(new Entity("attributemetadata").set("SchemaName", "new_Region").set("AttributeType", "String").set("DisplayName", "Region")));
            execute(first, org, new org.xrm4j.sdk.messages.UpdateAttributeRequest().entityName("new_depot")
                    .attribute(new Entity("attributemetadata").set("LogicalName", "new_name").set("DisplayName", "Depot name")));
            code = first.engine().deployment().organization(org).metadata().entity("new_depot").objectTypeCode();
        }
        try (XrmServer second = XrmServer.start(config(data))) {
            var metadata = second.engine().deployment().organization(org).metadata();
            var depot = metadata.entity("new_depot");
            assertThat(depot.labels().displayName()).isEqualTo("Depot");
            assertThat(depot.labels().displayCollectionName()).isEqualTo("Depots");
            assertThat(depot.objectTypeCode()).isEqualTo(code).isGreaterThanOrEqualTo(10000);
            assertThat(depot.attribute("new_name").displayName()).isEqualTo("Depot name");
            assertThat(depot.attribute("new_name").maxLength()).isEqualTo(80);
            assertThat(metadata.entity("account").attribute("new_region").displayName()).isEqualTo("Region");
            UUID id = ((CreateResponse) execute(second, org, new CreateRequest(new Entity("new_depot").set("new_name", "North")))).id();
            assertThat(retrieve(second, org, "new_depot", id).get("new_name")).isEqualTo("North");
        }
    }
}
