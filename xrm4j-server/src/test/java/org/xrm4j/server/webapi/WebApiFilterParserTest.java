package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LogicalOperator;

/** $filter to FilterExpression, without a server: literals, precedence, and not pushed down to the conditions. */
class WebApiFilterParserTest {
    private static ConditionExpression only(FilterExpression f) {
        assertThat(f.filters()).isEmpty();
        assertThat(f.conditions()).hasSize(1);
        return f.conditions().getFirst();
    }

    @Test void literalsKeepTheirKinds() {
        UUID id = UUID.randomUUID();
        assertThat(only(FilterParser.parse("_parentaccountid_value eq " + id))).isEqualTo(new ConditionExpression("parentaccountid", ConditionOperator.Equal, id));
        assertThat(only(FilterParser.parse("name eq 'O''Hara'")).values()).containsExactly("O'Hara");
        assertThat(only(FilterParser.parse("revenue ge 12.5")).values()).containsExactly(new BigDecimal("12.5"));
        assertThat(only(FilterParser.parse("numberofemployees lt -3")).values()).containsExactly(-3L);
        assertThat(only(FilterParser.parse("donotemail eq true")).values()).containsExactly(Boolean.TRUE);
        assertThat(only(FilterParser.parse("createdon gt 2024-01-02T03:04:05Z")).values()).containsExactly("2024-01-02T03:04:05Z");
        assertThat(only(FilterParser.parse("telephone1 eq null")).operator()).isEqualTo(ConditionOperator.Null);
        assertThat(only(FilterParser.parse("telephone1 ne null")).operator()).isEqualTo(ConditionOperator.NotNull);
    }

    @Test void functionsBecomeLikeConditionsWithLiteralText() {
        assertThat(only(FilterParser.parse("contains(name,'50%_off')")))
                .isEqualTo(new ConditionExpression("name", ConditionOperator.Like, "%50\\%\\_off%"));
        assertThat(only(FilterParser.parse("startswith(name,'Con')")).operator()).isEqualTo(ConditionOperator.BeginsWith);
        assertThat(only(FilterParser.parse("endswith(name,'so')")).operator()).isEqualTo(ConditionOperator.EndsWith);
        assertThat(only(FilterParser.parse("not contains(name,'x')")).operator()).isEqualTo(ConditionOperator.NotLike);
        assertThat(only(FilterParser.parse("not startswith(name,'x')")).operator()).isEqualTo(ConditionOperator.DoesNotBeginWith);
    }

    @Test void andBindsTighterThanOr() {
        FilterExpression f = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
        assertThat(f.filterOperator()).isEqualTo(LogicalOperator.And);
        assertThat(f.filters()).hasSize(1);
        FilterExpression or = f.filters().getFirst();
        assertThat(or.filterOperator()).isEqualTo(LogicalOperator.Or);
        assertThat(or.conditions()).extracting(ConditionExpression::attributeName).containsExactly("a");
        assertThat(or.filters().getFirst().conditions()).extracting(ConditionExpression::attributeName).containsExactly("b", "c");
    }

    @Test void notIsPushedDownByDeMorgan() {
        FilterExpression f = FilterParser.parse("not (a gt 1 or b eq null)");
        assertThat(f.filterOperator()).isEqualTo(LogicalOperator.And);
        assertThat(f.conditions()).containsExactly(new ConditionExpression("a", ConditionOperator.LessEqual, 1L),
                new ConditionExpression("b", ConditionOperator.NotNull));
        FilterExpression g = FilterParser.parse("x eq 1 and not (a eq 1 and b lt 2)");
        assertThat(g.conditions()).containsExactly(new ConditionExpression("x", ConditionOperator.Equal, 1L));
        FilterExpression or = g.filters().getFirst();
        assertThat(or.filterOperator()).isEqualTo(LogicalOperator.Or);
        assertThat(or.conditions()).containsExactly(new ConditionExpression("a", ConditionOperator.NotEqual, 1L),
                new ConditionExpression("b", ConditionOperator.GreaterEqual, 2L));
        assertThat(only(FilterParser.parse("not not a eq 1"))).isEqualTo(new ConditionExpression("a", ConditionOperator.Equal, 1L));
    }

    @Test void malformedFiltersAreInvalidArguments() {
        for (String bad : List.of("name eq", "name eq 'x", "(name eq 'x'", "name like 'x'", "name eq 'x' extra", "a gt null", "contains(name,1)")) {
            FaultException e = catchThrowableOfType(FaultException.class, () -> FilterParser.parse(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.errorCode()).as(bad).isEqualTo(0x80040203);
        }
    }
}
