package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.solutions.SolutionFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client calling the Web API's actions and metadata: each client call of those families,
 * with the values it returns checked here.
 */
abstract class WebApiNodeOperationsContract extends WebApiNodeContract {
    static String file(byte[] bytes) {
        try {
            Path p = Files.createTempFile("xrm4j-solution", ".zip");
            Files.write(p, bytes);
            p.toFile().deleteOnExit();
            return p.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test void actionsThroughDynamicsWebApi() {
        Map<String, String> env = new HashMap<>();
        env.put("XRM4J_SOLUTION", file(SolutionFixtures.leaveSolution("NodeImport", "1.0.0.0", "xt_NodeImp")));
        env.put("XRM4J_MANAGED_1", file(WebApiActionsContract.managed("NodeUp", "1.0.0.0")));
        env.put("XRM4J_MANAGED_2", file(WebApiActionsContract.managed("NodeUp", "2.0.0.0")));
        env.put("XRM4J_MANAGED_NAME", "NodeUp");
        JsonNode s = NodeClient.summary(server, "actions.js", env);

        assertThat(s.get("merge").get("result").asString()).isEqualTo("undefined");
        assertThat(s.get("merge").get("websiteurl").asString()).isEqualTo("https://node.example");
        assertThat(s.get("merge").get("subordinateState").asInt()).isEqualTo(1);
        assertThat(s.get("importSolution").asString()).isEqualTo("undefined");
        assertThat(s.get("importJob").asString()).isEqualTo("NodeImport");
        assertThat(UUID.fromString(s.get("importAsync").get("asyncOperationId").asString())).isNotNull();
        assertThat(UUID.fromString(s.get("importAsync").get("importJobKey").asString())).isNotNull();
        assertThat(s.get("importAsync").get("status").asInt()).isEqualTo(30);
        String promoted = s.get("promoted").get("SolutionId").asString();
        JsonNode solution = new WebApiHttp(TestServers.ADMIN_TOKEN).get(server.orgUrl() + "/api/data/v9.2/solutions(" + promoted
                + ")?$select=uniquename,version").json();
        assertThat(solution.get("uniquename").asString()).isEqualTo("NodeUp");
        assertThat(solution.get("version").asString()).isEqualTo("2.0.0.0");
        assertThat(s.get("createMultiple").size()).isEqualTo(2);
        assertThat(s.get("updateMultiple").asString()).isEqualTo("undefined");
        assertThat(s.get("afterUpdate").valueStream().map(JsonNode::asInt)).containsExactly(10, 11);
        String id = s.get("background").get("id").asString();
        assertThat(s.get("background").get("location").asString()).isEqualTo(server.orgUrl() + "/api/backgroundoperation/" + id);
        assertThat(s.get("background").get("state").asInt()).isEqualTo(3);
        assertThat(s.get("background").get("status").asInt()).isEqualTo(30);
        assertThat(s.get("background").get("subordinateState").asInt()).isEqualTo(1);
        assertThat(s.get("background").get("cancelCompleted").get("status").asInt()).isEqualTo(400);
        assertThat(s.get("background").get("cancelCompleted").get("code").asString()).isEqualTo("0x80040233");
        assertThat(s.get("principalAccess").asString()).isEqualTo("ReadAccess, WriteAccess, AppendAccess, AppendToAccess,"
                + " CreateAccess, DeleteAccess, ShareAccess, AssignAccess");
        assertThat(s.get("unknown").get("status").asInt()).isEqualTo(404);
        assertThat(s.get("unknown").get("code").asString()).isEqualTo("0x80060888");
    }

    @Test void metadataThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "metadata.js", Map.of());
        assertThat(s.get("useEntityNames").asBoolean()).isTrue();
        JsonNode e = s.get("entity");
        assertThat(e.get("logicalName").asString()).isEqualTo("account");
        assertThat(e.get("entitySetName").asString()).isEqualTo("accounts");
        assertThat(e.get("primaryId").asString()).isEqualTo("accountid");
        assertThat(e.get("objectTypeCode").asInt()).isEqualTo(1);
        assertThat(e.get("displayName").asString()).isEqualTo("account");
        assertThat(e.get("attributes").valueStream().map(JsonNode::asString)).contains("name:String", "revenue:Money", "primarycontactid:Lookup");
        assertThat(s.get("entityById").asString()).isEqualTo("account");
        assertThat(s.get("entities").valueStream().map(JsonNode::asString)).containsExactly("contact");
        assertThat(s.get("stringAttributes").valueStream().map(JsonNode::asString)).contains("name:160", "telephone1:50");
        assertThat(s.get("moneyAttributes").valueStream().map(JsonNode::asString)).contains("revenue").doesNotContain("name");
        assertThat(s.get("picklist").valueStream().map(JsonNode::asString)).contains("7:Consulting");
        assertThat(s.get("relationships").valueStream().map(JsonNode::asString)).contains("account_primary_contact");
        assertThat(s.get("relationship").asString()).isEqualTo("primarycontactid");
        assertThat(s.get("globalOptionSets").asBoolean()).isTrue();
        assertThat(s.get("missingEntity").get("status").asInt()).isEqualTo(404);

        assertThat(s.get("csdlIsString").asBoolean()).isTrue();
        assertThat(s.get("csdlVersion").asString()).isEqualTo("4.0");
        assertThat(s.get("csdlAccountKey").valueStream().map(JsonNode::asString)).containsExactly("accountid");
        assertThat(s.get("csdlUnresolved")).as(s.get("csdlUnresolved").toString()).isEmpty();
        assertThat(s.get("csdlEntitySets").asInt()).isGreaterThanOrEqualTo(20);

        assertThat(s.get("createdEntity").asString()).isEqualTo(org.xrm4j.server.metadata.MetadataIds.entity("node_shop").toString());
        assertThat(s.get("createdAttribute").asString()).isEqualTo(org.xrm4j.server.metadata.MetadataIds.attribute("node_shop", "node_turnover").toString());
        assertThat(s.get("shop").get("name").asString()).isEqualTo("Corner");
        assertThat(s.get("shop").get("turnover").asDouble()).isEqualTo(1234.5);
        assertThat(s.get("updatedEntity").asBoolean()).isTrue();
        assertThat(s.get("entityLabel").asString()).isEqualTo("Shop renamed");
        assertThat(s.get("updatedAttribute").asBoolean()).isTrue();
        assertThat(s.get("attributeLabel").asString()).isEqualTo("Yearly turnover");
        assertThat(s.get("attributeRequired").asString()).isEqualTo("ApplicationRequired");
        assertThat(s.get("duplicate").get("status").asInt()).isEqualTo(412);
        assertThat(server.org().metadata().entity("node_shop").labels().displayName()).isEqualTo("Shop renamed");
    }

    /** The document validates against the OASIS CSDL XML schemas (edmx.xsd, edm.xsd) that the odata-csdl package ships. */
    @Test void csdlValidatesAgainstTheOasisSchemas() throws Exception {
        Path schemas = NodeClient.prepare().resolve("node_modules/odata-csdl/schemas");
        javax.xml.validation.SchemaFactory factory = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
        javax.xml.validation.Schema schema = factory.newSchema(schemas.resolve("edmx.xsd").toFile());
        WebApiHttp.Reply r = new WebApiHttp(TestServers.ADMIN_TOKEN).get(server.orgUrl() + "/api/data/v9.2/$metadata", "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(200);
        schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(r.body())));
    }
}
