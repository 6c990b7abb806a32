package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;

class FetchXmlConditionTest {

    private static ConditionExpression only(String conditionXml) {
        return FetchXmlParser.parse("<fetch><entity name='account'><filter>" + conditionXml + "</filter></entity></fetch>")
                .criteria().conditions().getFirst();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "eq, Equal", "ne, NotEqual", "neq, NotEqual", "gt, GreaterThan", "ge, GreaterEqual", "lt, LessThan",
            "le, LessEqual", "like, Like", "not-like, NotLike", "begins-with, BeginsWith",
            "not-begin-with, DoesNotBeginWith", "ends-with, EndsWith", "not-end-with, DoesNotEndWith",
            "on, On", "on-or-before, OnOrBefore", "on-or-after, OnOrAfter",
            "last-x-days, LastXDays", "next-x-days, NextXDays", "last-x-hours, LastXHours", "next-x-hours, NextXHours",
            "in, In", "not-in, NotIn", "contain-values, ContainValues", "not-contain-values, DoesNotContainValues"})
    void mapsSingleValueOperators(String fetchName, ConditionOperator expected) {
        ConditionExpression c = only("<condition attribute='x' operator='" + fetchName + "' value='7' />");
        assertThat(c).isEqualTo(new ConditionExpression(null, "x", expected, List.of("7")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "null, Null", "not-null, NotNull", "yesterday, Yesterday", "today, Today", "tomorrow, Tomorrow",
            "last-seven-days, Last7Days", "next-seven-days, Next7Days", "eq-userid, EqualUserId",
            "ne-userid, NotEqualUserId", "eq-businessid, EqualBusinessId", "ne-businessid, NotEqualBusinessId"})
    void mapsOperatorsWithoutValues(String fetchName, ConditionOperator expected) {
        ConditionExpression c = only("<condition attribute='x' operator='" + fetchName + "' />");
        assertThat(c).isEqualTo(new ConditionExpression(null, "x", expected, List.of()));
    }

    @Test void everyEngineOperatorHasAFetchXmlName() {
        assertThat(Set.copyOf(FetchXmlOperators.all().values())).isEqualTo(EnumSet.allOf(ConditionOperator.class));
    }

    @Test void readsValueElementsForInInOrder() {
        ConditionExpression c = only("""
                <condition attribute="statuscode" operator="in">
                  <value>1</value>
                  <value>2</value>
                  <value uiname="Won" uitype="status">3</value>
                </condition>""");
        assertThat(c.operator()).isEqualTo(ConditionOperator.In);
        assertThat(c.values()).containsExactly("1", "2", "3");
    }

    @Test void readsBetweenAndNotBetweenBounds() {
        assertThat(only("<condition attribute='revenue' operator='between'><value>10</value><value>20</value></condition>"))
                .isEqualTo(new ConditionExpression(null, "revenue", ConditionOperator.Between, List.of("10", "20")));
        assertThat(only("<condition attribute='revenue' operator='not-between'><value>10</value><value>20</value></condition>"))
                .isEqualTo(new ConditionExpression(null, "revenue", ConditionOperator.NotBetween, List.of("10", "20")));
    }

    @Test void notInAndContainValuesTakeValueElements() {
        assertThat(only("<condition attribute='a' operator='not-in'><value>x</value><value>y</value></condition>").values())
                .containsExactly("x", "y");
        assertThat(only("<condition attribute='tags' operator='contain-values'><value>1</value><value>5</value></condition>"))
                .isEqualTo(new ConditionExpression(null, "tags", ConditionOperator.ContainValues, List.of("1", "5")));
        assertThat(only("<condition attribute='tags' operator='not-contain-values'><value>1</value></condition>").operator())
                .isEqualTo(ConditionOperator.DoesNotContainValues);
    }

    @Test void valuesStayUninterpretedText() {
        ConditionExpression c = only("<condition attribute='createdon' operator='last-x-days' value='30' />");
        assertThat(c.values()).containsExactly("30");
        assertThat(c.values().getFirst()).isInstanceOf(String.class);

        assertThat(only("<condition attribute='name' operator='eq' value='  padded &amp; escaped  ' />").values())
                .containsExactly("  padded & escaped  ");
        assertThat(only("<condition attribute='name' operator='eq'><value><![CDATA[<b>]]></value></condition>").values())
                .containsExactly("<b>");
        assertThat(only("<condition attribute='name' operator='eq'><value/></condition>").values()).containsExactly("");
    }

    @Test void readsTheEntityNameOfAConditionOnALink() {
        ConditionExpression c = only("<condition entityname='pc' attribute='fullname' operator='not-null' />");
        assertThat(c.entityName()).isEqualTo("pc");
        assertThat(c.attributeName()).isEqualTo("fullname");
        assertThat(c.operator()).isEqualTo(ConditionOperator.NotNull);
    }
}
