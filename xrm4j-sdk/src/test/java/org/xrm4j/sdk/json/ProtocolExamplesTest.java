package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;

/** The examples of spec/sdk-protocol.md, as written there (placeholders filled in), decode to the model they show. */
class ProtocolExamplesTest {
    private static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String ENTITY = "{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Id\":\"" + GUID
            + "\",\"Attributes\":{\"name\":\"Contoso\"},\"FormattedValues\":{}}";
    private static final String COLUMN_SET = "{\"$type\":\"ColumnSet\",\"AllColumns\":false,\"Columns\":[\"name\",\"revenue\"]}";
    private static final String FILTER = "{\"FilterOperator\":\"And\",\"Conditions\":[{\"AttributeName\":\"name\","
            + "\"Operator\":\"Equal\",\"Values\":[\"Contoso\"]}],\"Filters\":[]}";
    private static final String ENTITY_REFERENCE = "{\"$type\":\"EntityReference\",\"LogicalName\":\"account\",\"Id\":\"" + GUID
            + "\",\"Name\":null}";

    @Test
    void scalars() {
        assertThat(read("\"Contoso\"")).isEqualTo("Contoso");
        assertThat(read("true")).isEqualTo(true);
        assertThat(read("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(read("null")).isNull();
        assertThat(read("{\"$type\":\"Long\",\"Value\":\"9007199254740993\"}")).isEqualTo(9007199254740993L);
        assertThat(read("{\"$type\":\"Double\",\"Value\":1.5}")).isEqualTo(1.5);
        assertThat(read("{\"$type\":\"Decimal\",\"Value\":\"12.3400\"}")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(read("{\"$type\":\"Guid\",\"Value\":\"" + GUID + "\"}")).isEqualTo(Samples.ID);
        assertThat(read("{\"$type\":\"DateTime\",\"Value\":\"2026-11-22T03:42:07Z\"}")).isEqualTo(Instant.parse("2026-11-22T03:42:07Z"));
        assertThat((byte[]) read("{\"$type\":\"Binary\",\"Value\":\"SGVsbG8=\"}")).isEqualTo("Hello".getBytes(UTF_8));
        assertThat(read("{\"$type\":\"Money\",\"Value\":\"12.50\"}")).isEqualTo(new Money("12.50"));
        assertThat(read("{\"$type\":\"OptionSetValue\",\"Value\":3}")).isEqualTo(new OptionSetValue(3));
        assertThat(read("{\"$type\":\"OptionSetValueCollection\",\"Value\":[1,2]}")).isEqualTo(OptionSetValueCollection.of(1, 2));
    }

    @Test
    void records() {
        assertThat(read(ENTITY_REFERENCE)).isEqualTo(new EntityReference("account", Samples.ID));
        assertThat(read(ENTITY)).isEqualTo(new Entity("account", Samples.ID).set("name", "Contoso"));
        assertThat(read("{\"$type\":\"EntityCollection\",\"EntityName\":\"account\",\"Entities\":[" + ENTITY + "],"
                + "\"MoreRecords\":false,\"PagingCookie\":null,\"TotalRecordCount\":-1}"))
                .isEqualTo(new EntityCollection(List.of(new Entity("account", Samples.ID).set("name", "Contoso"))).entityName("account"));
        assertThat(read("{\"$type\":\"EntityReferenceCollection\",\"Value\":[" + ENTITY_REFERENCE + "]}"))
                .isEqualTo(EntityReferenceCollection.of(new EntityReference("account", Samples.ID)));
        assertThat(read(COLUMN_SET)).isEqualTo(new ColumnSet("name", "revenue"));
        assertThat(read("{\"$type\":\"Relationship\",\"SchemaName\":\"account_primary_contact\"}"))
                .isEqualTo(new Relationship("account_primary_contact"));
        assertThat(read("{\"$type\":\"ExecuteMultipleSettings\",\"ContinueOnError\":true,\"ReturnResponses\":true}"))
                .isEqualTo(new ExecuteMultipleSettings(true, true));
    }

    @Test
    void queries() {
        QueryExpression expected = new QueryExpression("account").columnSet(new ColumnSet("name", "revenue"))
                .criteria(new FilterExpression(LogicalOperator.And).addCondition("name", ConditionOperator.Equal, "Contoso"))
                .addOrder("name", OrderType.Ascending).pageInfo(new PagingInfo(50, 1, null, false));
        assertThat(read("{\"$type\":\"QueryExpression\",\"EntityName\":\"account\",\"ColumnSet\":" + COLUMN_SET + ",\"Criteria\":"
                + FILTER + ",\"Orders\":[{\"AttributeName\":\"name\",\"OrderType\":\"Ascending\"}],\"TopCount\":null,"
                + "\"PageInfo\":{\"Count\":50,\"PageNumber\":1,\"PagingCookie\":null,\"ReturnTotalRecordCount\":false},"
                + "\"LinkEntities\":[],\"Distinct\":false}")).isEqualTo(expected);

        assertThat(read("{\"$type\":\"FetchExpression\",\"Query\":\"<fetch><entity name='account'/></fetch>\"}"))
                .isEqualTo(new FetchExpression("<fetch><entity name='account'/></fetch>"));

        QueryByAttribute byAttribute = new QueryByAttribute("account").columnSet(new ColumnSet("name", "revenue"))
                .addAttributeValue("name", "Contoso");
        assertThat(read("{\"$type\":\"QueryByAttribute\",\"EntityName\":\"account\",\"ColumnSet\":" + COLUMN_SET
                + ",\"Attributes\":[\"name\"],\"Values\":[\"Contoso\"],\"Orders\":[],\"TopCount\":null,\"PageInfo\":null}"))
                .isEqualTo(byAttribute);
    }

    @Test
    void filterExpressionIsUntaggedInItsPlaceAndMayCarryATag() {
        String query = "{\"$type\":\"QueryExpression\",\"EntityName\":\"account\",\"Criteria\":" + FILTER + "}";
        FilterExpression expected = new FilterExpression().addCondition("name", ConditionOperator.Equal, "Contoso");

        assertThat(((QueryExpression) read(query)).criteria()).isEqualTo(expected);
        assertThat(read(FILTER.replace("{\"FilterOperator\"", "{\"$type\":\"FilterExpression\",\"FilterOperator\""))).isEqualTo(expected);
        assertThat(read("{\"$type\":\"ConditionExpression\",\"EntityName\":\"c\",\"AttributeName\":\"name\",\"Operator\":\"In\","
                + "\"Values\":[1,2]}")).isEqualTo(new ConditionExpression("c", "name", ConditionOperator.In, List.of(1, 2)));
        assertThat(((QueryExpression) read("{\"$type\":\"QueryExpression\",\"EntityName\":\"account\",\"LinkEntities\":"
                + "[{\"$type\":\"LinkEntity\",\"LinkToEntityName\":\"contact\",\"JoinOperator\":\"LeftOuter\"}],"
                + "\"Orders\":[{\"AttributeName\":\"name\"}]}")).linkEntities().getFirst().joinOperator())
                .isEqualTo(org.xrm4j.sdk.query.JoinOperator.LeftOuter);
        assertThat(((QueryExpression) read("{\"$type\":\"QueryExpression\",\"Orders\":[{\"AttributeName\":\"name\"}]}")).orders())
                .containsExactly(new OrderExpression("name", OrderType.Ascending));
    }

    @Test
    void nestedMessages() {
        assertThat(read("{\"$type\":\"OrganizationRequest\",\"RequestName\":\"Create\",\"Parameters\":{\"Target\":" + ENTITY + "}}"))
                .isInstanceOf(CreateRequest.class)
                .isEqualTo(new CreateRequest(new Entity("account", Samples.ID).set("name", "Contoso")));
        assertThat(read("{\"$type\":\"OrganizationResponse\",\"ResponseName\":\"Create\",\"Results\":{\"id\":{\"$type\":\"Guid\","
                + "\"Value\":\"" + GUID + "\"}}}")).isInstanceOf(CreateResponse.class).isEqualTo(new CreateResponse().id(Samples.ID));
        assertThat(read("[{\"$type\":\"OrganizationRequest\",\"RequestName\":\"WhoAmI\",\"Parameters\":{}}]"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().isInstanceOf(org.xrm4j.sdk.messages.WhoAmIRequest.class);
        assertThat(read("{\"$type\":\"ExecuteMultipleResponseItem\",\"RequestIndex\":0,\"Response\":null,\"Fault\":{\"ErrorCode\":"
                + "-2147220969,\"Message\":\"gone\",\"ErrorDetails\":{},\"Timestamp\":\"2026-11-22T03:42:07Z\",\"InnerFault\":null,"
                + "\"TraceText\":null}}")).isEqualTo(new ExecuteMultipleResponseItem(0, null, new OrganizationServiceFault(
                -2147220969, "gone", java.util.Map.of(), Instant.parse("2026-11-22T03:42:07Z"), null, null)));
    }

    @Test
    void requestEnvelope() {
        var r = SdkJson.readRequest(("{\"RequestName\":\"RetrieveMultiple\",\"RequestId\":\"" + GUID + "\",\"Parameters\":"
                + "{\"Query\":{\"$type\":\"FetchExpression\",\"Query\":\"<fetch/>\"}}}").getBytes(UTF_8));

        assertThat(r).isInstanceOf(RetrieveMultipleRequest.class);
        assertThat(r.requestId()).isEqualTo(Samples.ID);
        assertThat(((RetrieveMultipleRequest) r).query()).isEqualTo(new FetchExpression("<fetch/>"));
    }

    @Test
    void executeMultipleEnvelope() {
        var r = (ExecuteMultipleRequest) SdkJson.readRequest(("{\"RequestName\":\"ExecuteMultiple\",\"Parameters\":{\"Requests\":["
                + "{\"$type\":\"OrganizationRequest\",\"RequestName\":\"Create\",\"Parameters\":{\"Target\":" + ENTITY + "}}],"
                + "\"Settings\":{\"$type\":\"ExecuteMultipleSettings\",\"ContinueOnError\":true,\"ReturnResponses\":true}}}").getBytes(UTF_8));

        assertThat(r.requests()).singleElement().isInstanceOf(CreateRequest.class);
        assertThat(r.settings()).isEqualTo(new ExecuteMultipleSettings(true, true));
    }

    @Test
    void successEnvelope() {
        var r = SdkJson.readResponse(("{\"ResponseName\":\"Create\",\"Results\":{\"id\":{\"$type\":\"Guid\",\"Value\":\"" + GUID
                + "\"}}}").getBytes(UTF_8));

        assertThat(r).isInstanceOf(CreateResponse.class);
        assertThat(((CreateResponse) r).id()).isEqualTo(Samples.ID);
    }

    @Test
    void faultEnvelope() {
        String fault = "{\"ErrorCode\": -2147220969, \"Message\": \"...\", \"ErrorDetails\": {\"EntityName\": \"account\"}, "
                + "\"Timestamp\": \"2026-11-22T03:42:07Z\", \"InnerFault\": null, \"TraceText\": \"...\"}";

        OrganizationServiceFault f = SdkJson.readFault(("{\"Fault\": " + fault + "}").getBytes(UTF_8));
        OrganizationServiceFault t = SdkJson.readFault(("{\"Fault\": {\"ErrorCode\": -2147220969, \"Message\": \"...\", "
                + "\"ErrorDetails\": {}, \"Timestamp\": \"2026-11-22T03:42:07Z\", \"InnerFault\": null, \"TraceText\": null, "
                + "\"FaultedRequestIndex\": 4}}").getBytes(UTF_8));

        assertThat(f.errorCode()).isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        assertThat(f.message()).isEqualTo("...");
        assertThat(f.errorDetails()).containsExactly(java.util.Map.entry("EntityName", "account"));
        assertThat(f.timestamp()).isEqualTo(Instant.parse("2026-11-22T03:42:07Z"));
        assertThat(f.innerFault()).isNull();
        assertThat(f.traceText()).isEqualTo("...");
        assertThat(t).isInstanceOf(ExecuteTransactionFault.class);
        assertThat(((ExecuteTransactionFault) t).faultedRequestIndex()).isEqualTo(4);
    }

    static Object read(String json) { return SdkJson.readValue(json.getBytes(UTF_8)); }
}
