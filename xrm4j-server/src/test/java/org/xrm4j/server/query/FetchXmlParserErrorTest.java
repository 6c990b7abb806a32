package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

class FetchXmlParserErrorTest {

    private static FaultException fault(String fetchXml) {
        FaultException e = catchThrowableOfType(FaultException.class, () -> FetchXmlParser.parse(fetchXml));
        assertThat(e).as("a fault for %s", fetchXml).isNotNull();
        return e;
    }

    private static String invalid(String fetchXml) {
        FaultException e = fault(fetchXml);
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidFetchXml.code());
        return e.getMessage();
    }

    private static String inEntity(String body) { return "<fetch><entity name='account'>" + body + "</entity></fetch>"; }

    @ParameterizedTest @NullAndEmptySource @ValueSource(strings = "   ")
    void refusesAnEmptyQuery(String fetchXml) {
        assertThat(invalid(fetchXml)).contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<fetch><entity name='a'>", "<fetch><entity name='a'></fetch>", "not xml at all",
            "<fetch><entity name='a'/></fetch><fetch/>", "<fetch><entity name='a' name='b'/></fetch>",
            "<fetch><entity name='a'/></fetch> trailing"})
    void refusesMalformedXml(String fetchXml) {
        assertThat(invalid(fetchXml)).contains("not well-formed").contains("line 1");
    }

    @Test void refusesADoctypeWithAnExternalEntity() {
        String message = invalid("""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <fetch><entity name="account"><filter><condition attribute="name" operator="eq" value="&e;"/></filter></entity></fetch>""");
        assertThat(message).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test void refusesADoctypeWithEntityExpansion() {
        String message = invalid("""
                <!DOCTYPE fetch [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <fetch><entity name="&b;"/></fetch>""");
        assertThat(message).contains("DOCTYPE");
    }

    @Test void refusesAnExternalDtd() {
        assertThat(invalid("<!DOCTYPE fetch SYSTEM 'http://example.invalid/fetch.dtd'><fetch><entity name='a'/></fetch>"))
                .contains("DOCTYPE");
    }

    @Test void refusesAnotherRootElement() {
        assertThat(invalid("<query><entity name='account'/></query>")).contains("<fetch>").contains("<query>");
    }

    @Test void refusesAMissingOrBlankEntityName() {
        assertThat(invalid("<fetch><entity><attribute name='name'/></entity></fetch>"))
                .contains("<entity>").contains("'name'");
        assertThat(invalid("<fetch><entity name=' '/></fetch>")).contains("<entity>").contains("'name'");
    }

    @Test void refusesAFetchWithoutOrWithTwoEntities() {
        assertThat(invalid("<fetch></fetch>")).contains("<entity");
        assertThat(invalid("<fetch><entity name='a'/><entity name='b'/></fetch>")).contains("exactly one <entity>");
    }

    @Test void refusesMissingRequiredAttributes() {
        assertThat(invalid(inEntity("<attribute/>"))).contains("<attribute>").contains("'name'");
        assertThat(invalid(inEntity("<order descending='true'/>"))).contains("<order>").contains("'attribute'");
        assertThat(invalid(inEntity("<link-entity from='a' to='b'/>"))).contains("<link-entity>").contains("'name'");
        assertThat(invalid(inEntity("<filter><condition operator='eq' value='1'/></filter>")))
                .contains("<condition>").contains("'attribute'");
        assertThat(invalid(inEntity("<filter><condition attribute='name' value='1'/></filter>")))
                .contains("<condition>").contains("'operator'");
    }

    @Test void refusesAnUnknownOperatorWithItsOwnCode() {
        FaultException e = fault(inEntity("<filter><condition attribute='createdon' operator='this-millennium'/></filter>"));
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.QueryBuilderInvalidConditionOperator.code());
        assertThat(e.getMessage()).contains("this-millennium").contains("createdon");
        assertThat(fault(inEntity("<filter><condition attribute='a' operator='EQ' value='1'/></filter>")).errorCode())
                .as("operator names are case-sensitive").isEqualTo(ErrorCodes.QueryBuilderInvalidConditionOperator.code());
    }

    @Test void refusesAggregateQueries() {
        assertThat(invalid("<fetch aggregate='true'><entity name='account'><attribute name='revenue' aggregate='sum' alias='s'/></entity></fetch>"))
                .contains("Aggregate").contains("not supported yet");
    }

    @Test void refusesUnknownElementsWherever() {
        assertThat(invalid("<fetch><order attribute='a'/></fetch>")).contains("<order>").contains("<fetch>");
        assertThat(invalid(inEntity("<condition attribute='a' operator='eq' value='1'/>")))
                .contains("<condition>").contains("<entity>");
        assertThat(invalid(inEntity("<filter><attribute name='a'/></filter>"))).contains("<attribute>").contains("<filter>");
        assertThat(invalid(inEntity("<link-entity name='c'><bogus/></link-entity>"))).contains("<bogus>").contains("<link-entity>");
        assertThat(invalid(inEntity("<attribute name='a'><value>1</value></attribute>"))).contains("<value>").contains("<attribute>");
        assertThat(invalid(inEntity("<filter><condition attribute='a' operator='in'><val>1</val></condition></filter>")))
                .contains("<val>");
    }

    @Test void refusesUnknownOrUnsupportedAttributesInsteadOfDroppingThem() {
        assertThat(invalid(inEntity("<order attribute='name' decending='true'/>")))
                .contains("'decending'").contains("<order>").contains("descending");
        assertThat(invalid(inEntity("<attribute name='name' alias='n'/>"))).contains("'alias'");
        assertThat(invalid(inEntity("<order attribute='name' entityname='c'/>"))).contains("'entityname'");
        assertThat(invalid(inEntity("<filter><condition attribute='a' operator='eq' valueof='b'/></filter>"))).contains("'valueof'");
        assertThat(invalid("<fetch utc-offset='60'><entity name='a'/></fetch>")).contains("'utc-offset'");
    }

    @Test void refusesBadAttributeValues() {
        assertThat(invalid("<fetch top='ten'><entity name='a'/></fetch>")).contains("'top'").contains("ten");
        assertThat(invalid("<fetch count='0'><entity name='a'/></fetch>")).contains("'count'");
        assertThat(invalid("<fetch page='-1'><entity name='a'/></fetch>")).contains("'page'");
        assertThat(invalid("<fetch distinct='yes'><entity name='a'/></fetch>")).contains("'distinct'").contains("yes");
        assertThat(invalid(inEntity("<filter type='xor'/>"))).contains("xor");
        assertThat(invalid(inEntity("<link-entity name='c' link-type='exists'/>"))).contains("exists").contains("inner or outer");
    }

    @Test void refusesTopWithPaging() {
        assertThat(invalid("<fetch top='5' count='10'><entity name='a'/></fetch>")).contains("'top'");
        assertThat(invalid("<fetch top='5' page='2'><entity name='a'/></fetch>")).contains("'top'");
    }

    @Test void refusesBothAValueAttributeAndValueElements() {
        assertThat(invalid(inEntity("<filter><condition attribute='a' operator='in' value='1'><value>2</value></condition></filter>")))
                .contains("both");
    }

    @Test void refusesStrayTextAndMarkupInValues() {
        assertThat(invalid(inEntity("stray words"))).contains("stray words").contains("<entity>");
        assertThat(invalid(inEntity("<filter><condition attribute='a' operator='eq'><value>1<b/></value></condition></filter>")))
                .contains("<value>");
    }

    @Test void refusesNestingDeeperThanTheLimit() {
        String open = "<filter>".repeat(FetchXmlReader.MAX_DEPTH);
        String close = "</filter>".repeat(FetchXmlReader.MAX_DEPTH);
        assertThat(invalid(inEntity(open + close))).contains("nested").contains(String.valueOf(FetchXmlReader.MAX_DEPTH));
    }

    @Test void faultsSayWhereTheProblemIs() {
        assertThat(invalid("<fetch>\n  <entity name='a'>\n    <attribute/>\n  </entity>\n</fetch>")).contains("line 3");
    }
}
