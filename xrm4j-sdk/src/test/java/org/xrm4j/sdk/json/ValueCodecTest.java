package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;

class ValueCodecTest {

    static Stream<Arguments> values() {
        return Samples.everyValue().stream().map(v -> Arguments.of(v == null ? "null" : v.getClass().getSimpleName(), v));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void everyValueSurvivesTheRoundTrip(String type, Object value) {
        Object back = SdkJson.readValue(SdkJson.writeValue(value));

        assertThat(ByContent.of(back)).isEqualTo(ByContent.of(value));
        if (value != null) assertThat(back).isInstanceOf(value instanceof List ? List.class : value.getClass());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void everyValueSurvivesAsAnAttributeAndAParameter(String type, Object value) {
        Entity e = new Entity("account").set("value", value);
        OrganizationRequest r = new OrganizationRequest("Custom").set("Target", e).set("Value", value);

        OrganizationRequest back = SdkJson.readRequest(SdkJson.writeRequest(r));

        assertThat(ByContent.of(back)).isEqualTo(ByContent.of(r));
    }

    @Test
    void binaryKeepsItsBytes() {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);

        assertThat((byte[]) SdkJson.readValue(SdkJson.writeValue(bytes))).isEqualTo(bytes);
    }

    @Test
    void scalarsHaveTheProtocolsShapes() {
        assertThat(json(42)).isEqualTo("42");
        assertThat(json("a")).isEqualTo("\"a\"");
        assertThat(json(true)).isEqualTo("true");
        assertThat(json(null)).isEqualTo("null");
        assertThat(json(42L)).isEqualTo("{\"$type\":\"Long\",\"Value\":\"42\"}");
        assertThat(json(1.5)).isEqualTo("{\"$type\":\"Double\",\"Value\":1.5}");
        assertThat(json(new BigDecimal("12.3400"))).isEqualTo("{\"$type\":\"Decimal\",\"Value\":\"12.3400\"}");
        assertThat(json(Samples.ID)).isEqualTo("{\"$type\":\"Guid\",\"Value\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}");
        assertThat(json(Samples.WHEN)).isEqualTo("{\"$type\":\"DateTime\",\"Value\":\"2026-11-22T03:42:07Z\"}");
        assertThat(json(new byte[] {1, 2, 3})).isEqualTo("{\"$type\":\"Binary\",\"Value\":\"AQID\"}");
        assertThat(json(new Money("12.50"))).isEqualTo("{\"$type\":\"Money\",\"Value\":\"12.50\"}");
        assertThat(json(new OptionSetValue(3))).isEqualTo("{\"$type\":\"OptionSetValue\",\"Value\":3}");
        assertThat(json(org.xrm4j.sdk.OptionSetValueCollection.of(1, 2)))
                .isEqualTo("{\"$type\":\"OptionSetValueCollection\",\"Value\":[1,2]}");
        assertThat(json(List.of(1, "x"))).isEqualTo("[1,\"x\"]");
    }

    @Test
    void recordsHaveTheProtocolsShapes() {
        assertThat(json(new EntityReference("account", Samples.ID)))
                .isEqualTo("{\"$type\":\"EntityReference\",\"LogicalName\":\"account\",\"Id\":\"" + Samples.ID + "\",\"Name\":null}");
        assertThat(json(new Entity("account", Samples.ID).set("name", "Contoso")))
                .isEqualTo("{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Id\":\"" + Samples.ID
                        + "\",\"Attributes\":{\"name\":\"Contoso\"},\"FormattedValues\":{}}");
        assertThat(json(new org.xrm4j.sdk.EntityCollection().entityName("account")))
                .isEqualTo("{\"$type\":\"EntityCollection\",\"EntityName\":\"account\",\"Entities\":[],\"MoreRecords\":false,"
                        + "\"PagingCookie\":null,\"TotalRecordCount\":-1,\"TotalRecordCountLimitExceeded\":false}");
        assertThat(json(new org.xrm4j.sdk.query.ColumnSet("name", "revenue")))
                .isEqualTo("{\"$type\":\"ColumnSet\",\"AllColumns\":false,\"Columns\":[\"name\",\"revenue\"]}");
        assertThat(json(new org.xrm4j.sdk.Relationship("account_contacts")))
                .isEqualTo("{\"$type\":\"Relationship\",\"SchemaName\":\"account_contacts\"}");
        assertThat(json(new org.xrm4j.sdk.ExecuteMultipleSettings(true, true)))
                .isEqualTo("{\"$type\":\"ExecuteMultipleSettings\",\"ContinueOnError\":true,\"ReturnResponses\":true}");
    }

    @Test
    void queryExpressionHasTheProtocolsShape() {
        var q = new org.xrm4j.sdk.query.QueryExpression("account").columnSet(new org.xrm4j.sdk.query.ColumnSet("name"))
                .addOrder("name", org.xrm4j.sdk.query.OrderType.Ascending)
                .pageInfo(new org.xrm4j.sdk.query.PagingInfo(50, 1));
        q.criteria().addCondition("name", org.xrm4j.sdk.query.ConditionOperator.Equal, "Contoso");

        assertThat(json(q)).isEqualTo("{\"$type\":\"QueryExpression\",\"EntityName\":\"account\","
                + "\"ColumnSet\":{\"$type\":\"ColumnSet\",\"AllColumns\":false,\"Columns\":[\"name\"]},"
                + "\"Criteria\":{\"FilterOperator\":\"And\",\"Conditions\":[{\"AttributeName\":\"name\",\"Operator\":\"Equal\","
                + "\"Values\":[\"Contoso\"]}],\"Filters\":[]},"
                + "\"Orders\":[{\"AttributeName\":\"name\",\"OrderType\":\"Ascending\"}],\"TopCount\":null,"
                + "\"PageInfo\":{\"Count\":50,\"PageNumber\":1,\"PagingCookie\":null,\"ReturnTotalRecordCount\":false},"
                + "\"LinkEntities\":[],\"Distinct\":false,\"NoLock\":false}");
    }

    @Test
    void readingAcceptsEquivalentSpellings() {
        assertThat(read("{\"Value\":\"5\",\"$type\":\"Long\"}")).isEqualTo(5L);
        assertThat(read("{\"$type\":\"Long\",\"Value\":5}")).isEqualTo(5L);
        assertThat(read("{\"$type\":\"Double\",\"Value\":2}")).isEqualTo(2.0);
        assertThat(read("{\"$type\":\"Double\",\"Value\":\"NaN\"}")).isEqualTo(Double.NaN);
        assertThat(read("{\"$type\":\"Money\",\"Value\":12}")).isEqualTo(new Money("12"));
        assertThat(read("{\"$type\":\"Decimal\",\"Value\":7}")).isEqualTo(new BigDecimal("7"));
        assertThat(read("{\"$type\":\"DateTime\",\"Value\":\"2026-11-22T05:42:07+02:00\"}")).isEqualTo(Samples.WHEN);
        assertThat(read("{\"$type\":\"DateTime\",\"Value\":\"2026-11-22T03:42:07.250Z\"}"))
                .isEqualTo(Instant.parse("2026-11-22T03:42:07.250Z"));
        assertThat(read("{\"$type\":\"DateTime\",\"Value\":\"2026-11-22T03:42:07\"}")).isEqualTo(Samples.WHEN);
        assertThat(read("{\"$type\":\"EntityReference\",\"LogicalName\":\"account\"}"))
                .isEqualTo(new EntityReference("account", null));
        assertThat(read("{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Extra\":1}")).isEqualTo(new Entity("account"));
        assertThat(read("{\"$type\":\"EntityReferenceCollection\",\"Value\":[{\"LogicalName\":\"account\",\"Id\":\""
                + Samples.ID + "\"}]}")).isEqualTo(org.xrm4j.sdk.EntityReferenceCollection.of(new EntityReference("account", Samples.ID)));
    }

    @Test
    void anEmptyGuidAsARecordIdMeansNoId() {
        String empty = "00000000-0000-0000-0000-000000000000";

        assertThat(read("{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Id\":\"" + empty + "\"}"))
                .isEqualTo(new Entity("account"));
        assertThat(read("{\"$type\":\"EntityReference\",\"LogicalName\":\"account\",\"Id\":\"" + empty + "\"}"))
                .isEqualTo(new EntityReference("account", null));
        assertThat(read("{\"$type\":\"Guid\",\"Value\":\"" + empty + "\"}")).isEqualTo(new java.util.UUID(0, 0));
    }

    @Test
    void decimalKeepsItsScale() {
        Object back = read("{\"$type\":\"Decimal\",\"Value\":\"12.3400\"}");

        assertThat(back).isEqualTo(new BigDecimal("12.3400"));
        assertThat(((BigDecimal) back).scale()).isEqualTo(4);
    }

    @Test
    void aJsonArrayReadsAsAList() {
        assertThat(read("[1,\"a\",null,[true]]")).isEqualTo(Arrays.asList(1, "a", null, List.of(true)));
    }

    @Test
    void typesWithoutAnEncodingAreAProgrammingError() {
        for (Object v : List.of(new Object(), (short) 1, 1.5f, Set.of(1), Map.of("a", 1), new int[] {1},
                new java.math.BigInteger("1"), java.time.LocalDate.of(2026, 1, 1))) {
            assertThatThrownBy(() -> SdkJson.writeValue(v)).as(v.getClass().getName())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(v.getClass().getName());
        }
    }

    static String json(Object value) { return new String(SdkJson.writeValue(value), UTF_8); }

    static Object read(String json) { return SdkJson.readValue(json.getBytes(UTF_8)); }
}
