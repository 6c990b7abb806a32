package org.xrm4j.sdk.query;

/** The SDK's condition operators that xrm4j evaluates; names are the SDK's own. */
public enum ConditionOperator {
    Equal, NotEqual, GreaterThan, LessThan, GreaterEqual, LessEqual, Like, NotLike, In, NotIn, Between, NotBetween,
    Null, NotNull, BeginsWith, DoesNotBeginWith, EndsWith, DoesNotEndWith,
    Yesterday, Today, Tomorrow, Last7Days, Next7Days, LastXDays, NextXDays, LastXHours, NextXHours, On, OnOrBefore, OnOrAfter,
    EqualUserId, NotEqualUserId, EqualBusinessId, NotEqualBusinessId, ContainValues, DoesNotContainValues,
    ThisMonth, LastMonth, ThisYear, OlderThanXDays
}
