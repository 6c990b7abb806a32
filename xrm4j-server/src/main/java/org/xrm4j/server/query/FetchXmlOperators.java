package org.xrm4j.server.query;

import static org.xrm4j.sdk.query.ConditionOperator.*;

import java.util.Map;
import java.util.Optional;
import org.xrm4j.sdk.query.ConditionOperator;

/**
 * FetchXML's operator names and the {@link ConditionOperator} each one means.
 *
 * <p>Only the operators the engine evaluates are listed. FetchXML has many more (fiscal periods, hierarchy, the
 * {@code this-week} family...); those are reported as unknown rather than approximated, because a query that
 * silently matched different records would be worse than one that fails. Names are matched exactly, as Dataverse
 * validates them against its schema.
 */
final class FetchXmlOperators {
    private static final Map<String, ConditionOperator> BY_NAME = Map.ofEntries(
            Map.entry("eq", Equal),
            Map.entry("ne", NotEqual),
            Map.entry("neq", NotEqual),
            Map.entry("gt", GreaterThan),
            Map.entry("ge", GreaterEqual),
            Map.entry("lt", LessThan),
            Map.entry("le", LessEqual),
            Map.entry("like", Like),
            Map.entry("not-like", NotLike),
            Map.entry("in", In),
            Map.entry("not-in", NotIn),
            Map.entry("between", Between),
            Map.entry("not-between", NotBetween),
            Map.entry("null", Null),
            Map.entry("not-null", NotNull),
            Map.entry("begins-with", BeginsWith),
            Map.entry("not-begin-with", DoesNotBeginWith),
            Map.entry("ends-with", EndsWith),
            Map.entry("not-end-with", DoesNotEndWith),
            Map.entry("yesterday", Yesterday),
            Map.entry("today", Today),
            Map.entry("tomorrow", Tomorrow),
            Map.entry("last-seven-days", Last7Days),
            Map.entry("next-seven-days", Next7Days),
            Map.entry("last-x-days", LastXDays),
            Map.entry("next-x-days", NextXDays),
            Map.entry("last-x-hours", LastXHours),
            Map.entry("next-x-hours", NextXHours),
            Map.entry("on", On),
            Map.entry("on-or-before", OnOrBefore),
            Map.entry("on-or-after", OnOrAfter),
            Map.entry("eq-userid", EqualUserId),
            Map.entry("ne-userid", NotEqualUserId),
            Map.entry("eq-businessid", EqualBusinessId),
            Map.entry("ne-businessid", NotEqualBusinessId),
            Map.entry("this-month", ThisMonth),
            Map.entry("last-month", LastMonth),
            Map.entry("this-year", ThisYear),
            Map.entry("olderthan-x-days", OlderThanXDays),
            Map.entry("contain-values", ContainValues),
            Map.entry("not-contain-values", DoesNotContainValues));

    private FetchXmlOperators() {}

    /** The operator a FetchXML {@code operator} attribute names, or empty when it is unknown or unsupported. */
    static Optional<ConditionOperator> byName(String name) { return Optional.ofNullable(BY_NAME.get(name)); }

    /** Every supported FetchXML name; for tests and error messages. */
    static Map<String, ConditionOperator> all() { return BY_NAME; }
}
