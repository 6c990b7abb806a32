package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/** Bad input is the caller's error: an InvalidArgument fault whose message says what and where, never a Jackson error. */
class DecodeErrorTest {

    @Test
    void malformedJson() {
        assertThat(requestFault("{\"RequestName\": \"Create\",\n \"Parameters\": {"))
                .startsWith("The request body is not valid JSON: ").contains("line 2, column");
        assertThat(requestFault("{\"RequestName\": 'Create'}")).startsWith("The request body is not valid JSON: ");
        assertThat(requestFault("{\"RequestName\":\"WhoAmI\"} {}")).startsWith("The request body is not valid JSON: ");
        assertThat(requestFault("{\"RequestName\":\"WhoAmI\",\"RequestName\":\"Create\"}"))
                .startsWith("The request body is not valid JSON: ").contains("RequestName");
        assertThat(requestFault("")).isEqualTo("The request body is empty.");
        assertThat(requestFault("[1]")).isEqualTo("The request body must be a JSON object, not an array.");
    }

    @Test
    void envelopeFields() {
        assertThat(requestFault("{\"Parameters\":{}}")).isEqualTo("The request has no \"RequestName\".");
        assertThat(requestFault("{\"RequestName\":7}")).isEqualTo("Expected a string, not the number 7 at RequestName.");
        assertThat(requestFault("{\"RequestName\":\"WhoAmI\",\"RequestId\":\"abc\"}"))
                .startsWith("'abc' is not a guid at RequestId.");
        assertThat(requestFault("{\"RequestName\":\"WhoAmI\",\"Parameters\":[]}"))
                .isEqualTo("Expected an object, not an array at Parameters.");
        assertThat(fault(() -> SdkJson.readResponse("{\"Results\":{}}".getBytes(UTF_8))))
                .isEqualTo("The response has no \"ResponseName\".");
        assertThat(fault(() -> SdkJson.readFault("{\"Error\":{}}".getBytes(UTF_8))))
                .isEqualTo("The fault body has no \"Fault\" object.");
        assertThat(fault(() -> SdkJson.readFault("{\"Fault\":{\"ErrorCode\":1}}".getBytes(UTF_8))))
                .isEqualTo("The fault has no \"Message\" at Fault.");
        assertThat(fault(() -> SdkJson.readFault("<html>Bad gateway</html>".getBytes(UTF_8))))
                .startsWith("The fault body is not valid JSON: ");
    }

    @Test
    void unknownTypeNamesThePlace() {
        assertThat(parameterFault("\"Target\":{\"$type\":\"Foo\"}")).isEqualTo("Unknown $type 'Foo' at Parameters.Target.");
        assertThat(requestFault("{\"RequestName\":\"ExecuteMultiple\",\"Parameters\":{\"Requests\":[{\"$type\":\"OrganizationRequest\","
                + "\"RequestName\":\"WhoAmI\"},{\"$type\":\"OrganizationRequest\",\"RequestName\":\"Create\",\"Parameters\":{\"Target\":"
                + "{\"$type\":\"Entity\",\"LogicalName\":\"account\",\"Attributes\":{\"x\":{\"$type\":\"Currency\"}}}}}]}}"))
                .isEqualTo("Unknown $type 'Currency' at Parameters.Requests[1].Parameters.Target.Attributes.x.");
        assertThat(parameterFault("\"Target\":{\"LogicalName\":\"account\"}"))
                .startsWith("An object value needs a \"$type\" at Parameters.Target. Tag it");
    }

    @Test
    void numbersOutsideInt32NeedATag() {
        assertThat(parameterFault("\"Count\":3000000000"))
                .isEqualTo("The number 3000000000 is outside the Int32 range at Parameters.Count. "
                        + "Send it as {\"$type\":\"Long\",\"Value\":\"3000000000\"}.");
        assertThat(parameterFault("\"Rate\":1.5")).startsWith("The number 1.5 is not integral; a bare number is an Int32 at "
                + "Parameters.Rate.").contains("\"$type\":\"Double\"").contains("\"$type\":\"Decimal\"");
        assertThat(parameterFault("\"Rate\":1e3")).contains("is not integral");
        assertThat(parameterFault("\"Values\":[1,2,3000000000]")).contains("at Parameters.Values[2].");
    }

    @Test
    void wrongFieldTypes() {
        assertThat(parameterFault("\"Id\":{\"$type\":\"Guid\",\"Value\":\"not-a-guid\"}"))
                .startsWith("'not-a-guid' is not a guid at Parameters.Id.Value.");
        assertThat(parameterFault("\"Id\":{\"$type\":\"Guid\",\"Value\":\"1-2-3-4-5\"}")).contains("is not a guid");
        assertThat(parameterFault("\"Id\":{\"$type\":\"Guid\"}")).isEqualTo("Guid has no \"Value\" at Parameters.Id.");
        assertThat(parameterFault("\"State\":{\"$type\":\"OptionSetValue\",\"Value\":\"3\"}"))
                .isEqualTo("Expected an integral number in the Int32 range, not the string \"3\" at Parameters.State.Value.");
        assertThat(parameterFault("\"N\":{\"$type\":\"Long\",\"Value\":\"12x\"}")).contains("at Parameters.N.Value.");
        assertThat(parameterFault("\"M\":{\"$type\":\"Money\",\"Value\":12.5}"))
                .startsWith("Expected a decimal number as a string, not the number 12.5 at Parameters.M.Value.");
        assertThat(parameterFault("\"M\":{\"$type\":\"Decimal\",\"Value\":\"abc\"}")).contains("at Parameters.M.Value.");
        assertThat(parameterFault("\"D\":{\"$type\":\"DateTime\",\"Value\":\"yesterday\"}"))
                .startsWith("'yesterday' is not an ISO-8601 date and time at Parameters.D.Value.");
        assertThat(parameterFault("\"B\":{\"$type\":\"Binary\",\"Value\":\"***\"}"))
                .startsWith("The Binary value is not valid base64").contains("at Parameters.B.Value.");
        assertThat(parameterFault("\"T\":{\"$type\":\"Entity\",\"Attributes\":{}}")).isEqualTo("Entity has no \"LogicalName\" at Parameters.T.");
        assertThat(parameterFault("\"T\":{\"$type\":\"Entity\",\"LogicalName\":\"a\",\"FormattedValues\":{\"x\":1}}"))
                .isEqualTo("Expected a string, not the number 1 at Parameters.T.FormattedValues.x.");
        assertThat(parameterFault("\"C\":{\"$type\":\"OptionSetValueCollection\",\"Value\":[1,\"a\"]}"))
                .isEqualTo("Expected an Int32 option value, not the string \"a\" at Parameters.C.Value[1].");
        assertThat(parameterFault("\"E\":{\"$type\":\"EntityCollection\",\"Entities\":[{\"$type\":\"EntityReference\"}]}"))
                .startsWith("Expected Entity, not $type \"EntityReference\" at Parameters.E.Entities[0].");
    }

    @Test
    void queryMistakesNameThePlace() {
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"Criteria\":{\"Conditions\":[{\"AttributeName\":\"a\","
                + "\"Operator\":\"Equals\"}]}}"))
                .isEqualTo("'Equals' is not a ConditionOperator name at Parameters.Query.Criteria.Conditions[0].Operator. "
                        + "Names are case-sensitive.");
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"Criteria\":{\"FilterOperator\":\"and\"}}"))
                .isEqualTo("'and' is not one of [And, Or] at Parameters.Query.Criteria.FilterOperator. Names are case-sensitive.");
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"Criteria\":{\"Filters\":[{},{\"Conditions\":"
                + "[{\"Operator\":\"Equal\"}]}]}}"))
                .isEqualTo("The condition has no \"AttributeName\" at Parameters.Query.Criteria.Filters[1].Conditions[0].");
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"LinkEntities\":[{\"LinkCriteria\":{\"Conditions\":"
                + "[{\"AttributeName\":\"a\",\"Operator\":\"Equal\",\"Values\":[1.5]}]}}]}"))
                .startsWith("The number 1.5 is not integral; a bare number is an Int32 at "
                        + "Parameters.Query.LinkEntities[0].LinkCriteria.Conditions[0].Values[0].");
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"PageInfo\":{\"Count\":\"50\"}}"))
                .isEqualTo("Expected an integral number in the Int32 range, not the string \"50\" at Parameters.Query.PageInfo.Count.");
        assertThat(parameterFault("\"Query\":{\"$type\":\"QueryExpression\",\"Criteria\":{\"$type\":\"ColumnSet\"}}"))
                .startsWith("Expected FilterExpression, not $type \"ColumnSet\" at Parameters.Query.Criteria.");
    }

    @Test
    void everyReadingFaultIsAnInvalidArgument() {
        FaultException e = catchThrowableOfType(FaultException.class,
                () -> SdkJson.readRequest("{\"RequestName\":".getBytes(UTF_8)));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThat(e.getCause()).isNull();
    }

    static String requestFault(String body) { return fault(() -> SdkJson.readRequest(body.getBytes(UTF_8))); }

    static String parameterFault(String parameters) {
        return requestFault("{\"RequestName\":\"Custom\",\"Parameters\":{" + parameters + "}}");
    }

    static String fault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        FaultException e = catchThrowableOfType(FaultException.class, call);
        assertThat(e).as("a FaultException").isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
        return e.getMessage();
    }
}
