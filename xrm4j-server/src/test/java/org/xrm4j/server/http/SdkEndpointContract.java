package org.xrm4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/** The SDK protocol over raw HTTP: envelopes, status codes, and bad input that must change nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SdkEndpointContract {
    TestServers.TestServer server;
    String execute;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        execute = server.orgUrl() + "/api/xrm/v1/execute";
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    RawHttp.Reply call(String json) { return RawHttp.post(execute, TestServers.ADMIN_TOKEN, json); }

    String createAccount(String name) {
        RawHttp.Reply r = call("{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\","
                + "\"Attributes\":{\"name\":\"" + name + "\",\"numberofemployees\":12}}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("Results").get("id").get("Value").asString();
    }

    int countAccounts() {
        RawHttp.Reply r = call("{\"RequestName\":\"RetrieveMultiple\",\"Parameters\":{\"Query\":{\"$type\":\"QueryExpression\","
                + "\"EntityName\":\"account\",\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":false,\"Columns\":[\"name\"]}}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("Results").get("EntityCollection").get("Entities").size();
    }

    @Test void createRetrieveUpdateDelete() {
        String id = createAccount("Contoso");
        String ref = "{\"$type\":\"EntityReference\",\"LogicalName\":\"account\",\"Id\":\"" + id + "\"}";
        RawHttp.Reply got = call("{\"RequestName\":\"Retrieve\",\"Parameters\":{\"Target\":" + ref
                + ",\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":true,\"Columns\":[]}}}");
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        JsonNode attrs = got.json().get("Results").get("Entity").get("Attributes");
        assertThat(attrs.get("name").asString()).isEqualTo("Contoso");
        assertThat(attrs.get("createdon").get("$type").asString()).isEqualTo("DateTime");
        assertThat(attrs.get("createdby").get("Id").asString()).isNotBlank();
        long version = Long.parseLong(attrs.get("versionnumber").get("Value").asString());

        RawHttp.Reply upd = call("{\"RequestName\":\"Update\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Id\":\""
                + id + "\",\"Attributes\":{\"name\":\"Contoso Ltd\"}}}}");
        assertThat(upd.status()).as(upd.body()).isEqualTo(200);
        JsonNode after = call("{\"RequestName\":\"Retrieve\",\"Parameters\":{\"Target\":" + ref
                + ",\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":false,\"Columns\":[\"name\",\"versionnumber\"]}}}")
                .json().get("Results").get("Entity").get("Attributes");
        assertThat(after.get("name").asString()).isEqualTo("Contoso Ltd");
        assertThat(Long.parseLong(after.get("versionnumber").get("Value").asString())).isGreaterThan(version);

        assertThat(call("{\"RequestName\":\"Delete\",\"Parameters\":{\"Target\":" + ref + "}}").status()).isEqualTo(200);
        RawHttp.Reply gone = call("{\"RequestName\":\"Retrieve\",\"Parameters\":{\"Target\":" + ref
                + ",\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":true,\"Columns\":[]}}}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.fault().get("ErrorCode").asInt()).isEqualTo(-2147220969);
    }

    @Test void missingTokenIs401() {
        RawHttp.Reply r = RawHttp.post(execute, null, "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.fault().get("ErrorCode").asInt()).isEqualTo(0x80040204);
        // Its body was never read, so the connection is not reused: the next request would be cut off under it.
        assertThat(r.headers().firstValue("Connection")).hasValue("close");
        assertThat(RawHttp.post(execute, "wrong", "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}").status()).isEqualTo(401);
    }

    @Test void malformedJsonIs400AndChangesNothing() {
        int before = countAccounts();
        RawHttp.Reply r = call("{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\"");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fault().get("Message").asString()).containsIgnoringCase("JSON");
        assertThat(countAccounts()).isEqualTo(before);
    }

    @Test void unknownTypeIs400() {
        RawHttp.Reply r = call("{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entityy\",\"LogicalName\":\"account\"}}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fault().get("Message").asString()).contains("Entityy");
    }

    @Test void unknownMessageIsAFault() {
        RawHttp.Reply r = call("{\"RequestName\":\"Frobnicate\",\"Parameters\":{}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fault().get("Message").asString()).contains("Frobnicate");
    }

    @Test void stringForIntegerNamesTheAttributeAndChangesNothing() {
        int before = countAccounts();
        RawHttp.Reply r = call("{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\","
                + "\"Attributes\":{\"name\":\"x\",\"numberofemployees\":\"many\"}}}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fault().get("Message").asString()).contains("numberofemployees");
        assertThat(countAccounts()).isEqualTo(before);
    }

    @Test void oversizeBodyIsAFault() {
        server.server().engine().settings().set("MaxRequestSizeBytes", 1000);
        try {
            RawHttp.Reply r = call("{\"RequestName\":\"WhoAmI\",\"Parameters\":{\"pad\":\"" + "x".repeat(5000) + "\"}}");
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.fault().get("Message").asString()).contains("MaxRequestSizeBytes");
        } finally {
            server.server().engine().settings().set("MaxRequestSizeBytes", 128L * 1024 * 1024);
        }
    }

    @Test void unknownOrganizationIs404() {
        RawHttp.Reply r = RawHttp.post(server.server().baseUrl() + "/nosuchorg/api/xrm/v1/execute", TestServers.ADMIN_TOKEN,
                "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.fault().get("Message").asString()).contains("nosuchorg");
    }

    @Test void recordsOfOneOrganizationAreInvisibleInAnother() {
        String id = createAccount("Private");
        server.server().engine().deployment().createOrganization(server.organization() + "b");
        RawHttp.Reply r = RawHttp.post(server.server().baseUrl() + "/" + server.organization() + "b/api/xrm/v1/execute",
                TestServers.ADMIN_TOKEN, "{\"RequestName\":\"Retrieve\",\"Parameters\":{\"Target\":{\"$type\":\"EntityReference\","
                        + "\"LogicalName\":\"account\",\"Id\":\"" + id + "\"},\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":true,\"Columns\":[]}}}");
        assertThat(r.status()).isEqualTo(404);
    }

    @SuppressWarnings("try") // the held connections are what the test is about
    @Test void exhaustedPoolIsServerBusy() throws Exception {
        try (TestServers.TestServer small = TestServers.start(database(),
                org.xrm4j.server.XrmServer.Config.defaults().withPool(2, java.time.Duration.ofMillis(250)))) {
            try (java.sql.Connection held = small.server().database().connection();
                 java.sql.Connection alsoHeld = small.server().database().connection()) {
                RawHttp.Reply r = RawHttp.post(small.orgUrl() + "/api/xrm/v1/execute", "unverified-token",
                        "{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}");
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(r.fault().get("Message").asString()).contains("Server Busy");
            }
        }
    }

    @Test void healthAnswers() {
        assertThat(RawHttp.get(server.server().baseUrl() + "/health").status()).isEqualTo(200);
    }
}
