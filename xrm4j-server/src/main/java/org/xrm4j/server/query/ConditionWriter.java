package org.xrm4j.server.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.store.ValueConverter;

/**
 * Writes one condition as SQL with parameters. String comparisons are case-insensitive, as in Dataverse, by
 * comparing lower-cased values on both sides. Relative date operators are evaluated in UTC against the scope's clock.
 */
final class ConditionWriter {
    private final QueryScope scope;

    ConditionWriter(QueryScope scope) { this.scope = scope; }

    String write(String column, EntityMetadata e, AttributeMetadata a, ConditionExpression c, List<Object> params) {
        boolean text = a.type() == AttributeType.String || a.type() == AttributeType.Memo || a.type() == AttributeType.EntityName;
        String col = text ? "LOWER(" + column + ")" : column;
        List<Object> values = flatten(c.values());
        ConditionOperator op = c.operator();
        return switch (op) {
            case Null -> column + " IS NULL";
            case NotNull -> column + " IS NOT NULL";
            case Equal, NotEqual, GreaterThan, GreaterEqual, LessThan, LessEqual -> {
                params.add(param(e, a, one(a, c, values), text));
                yield col + " " + comparison(op) + " " + (text ? "LOWER(?)" : "?");
            }
            case In, NotIn -> {
                if (values.isEmpty()) throw invalid(a, c, "needs at least one value");
                List<String> marks = new ArrayList<>();
                for (Object v : values) { params.add(param(e, a, v, text)); marks.add(text ? "LOWER(?)" : "?"); }
                yield col + (op == ConditionOperator.NotIn ? " NOT IN (" : " IN (") + String.join(", ", marks) + ")";
            }
            case Between, NotBetween -> {
                if (values.size() != 2) throw invalid(a, c, "needs exactly two values");
                params.add(param(e, a, values.get(0), text));
                params.add(param(e, a, values.get(1), text));
                String m = text ? "LOWER(?)" : "?";
                yield (op == ConditionOperator.NotBetween ? "NOT " : "") + "(" + col + " BETWEEN " + m + " AND " + m + ")";
            }
            case Like, NotLike -> like(col, a, c, values, params, op == ConditionOperator.NotLike, "", "");
            case BeginsWith, DoesNotBeginWith -> like(col, a, c, escape(values), params, op == ConditionOperator.DoesNotBeginWith, "", "%");
            case EndsWith, DoesNotEndWith -> like(col, a, c, escape(values), params, op == ConditionOperator.DoesNotEndWith, "%", "");
            case EqualUserId, NotEqualUserId -> {
                if (!a.targets().contains("systemuser")) throw invalid(a, c, "applies to lookups of users only");
                params.add(scope.userId());
                yield column + (op == ConditionOperator.EqualUserId ? " = ?" : " <> ?");
            }
            case EqualBusinessId, NotEqualBusinessId -> {
                if (!a.targets().contains("businessunit")) throw invalid(a, c, "applies to lookups of business units only");
                params.add(scope.businessUnitId());
                yield column + (op == ConditionOperator.EqualBusinessId ? " = ?" : " <> ?");
            }
            case ContainValues, DoesNotContainValues -> {
                if (a.type() != AttributeType.MultiSelectPicklist) throw invalid(a, c, "applies to multi-select choice columns only");
                if (values.isEmpty()) throw invalid(a, c, "needs at least one value");
                List<String> parts = new ArrayList<>();
                for (Object v : values) {
                    params.add("%," + ValueConverter.queryValue(e, a, optionValue(v)) + ",%");
                    parts.add("(',' || " + column + " || ',') LIKE ?");
                }
                String any = "(" + String.join(" OR ", parts) + ")";
                yield op == ConditionOperator.ContainValues ? any : "(" + column + " IS NULL OR NOT " + any + ")";
            }
            default -> dateRange(column, e, a, c, values, params);
        };
    }

    private String dateRange(String column, EntityMetadata e, AttributeMetadata a, ConditionExpression c, List<Object> values,
                             List<Object> params) {
        if (a.type() != AttributeType.DateTime) throw invalid(a, c, "applies to date and time columns only");
        LocalDate today = LocalDate.ofInstant(scope.now(), ZoneOffset.UTC);
        Instant from;
        Instant to;
        // Record times and the request's clock are both whole seconds, so a range that ends now includes now: a
        // record written in the same second as the query is in its last hours and days.
        boolean toNow = switch (c.operator()) {
            case Last7Days, LastXDays, LastXHours -> true;
            default -> false;
        };
        switch (c.operator()) {
            case Today -> { from = day(today); to = day(today.plusDays(1)); }
            case Yesterday -> { from = day(today.minusDays(1)); to = day(today); }
            case Tomorrow -> { from = day(today.plusDays(1)); to = day(today.plusDays(2)); }
            case Last7Days -> { from = scope.now().minus(Duration.ofDays(7)); to = scope.now(); }
            case Next7Days -> { from = scope.now(); to = scope.now().plus(Duration.ofDays(7)); }
            case LastXDays -> { from = day(today.minusDays(count(a, c, values))); to = scope.now(); }
            case NextXDays -> { from = scope.now(); to = day(today.plusDays(count(a, c, values) + 1)); }
            case LastXHours -> { from = scope.now().minus(Duration.ofHours(count(a, c, values))); to = scope.now(); }
            case ThisMonth -> { from = day(today.withDayOfMonth(1)); to = day(today.withDayOfMonth(1).plusMonths(1)); }
            case LastMonth -> { from = day(today.withDayOfMonth(1).minusMonths(1)); to = day(today.withDayOfMonth(1)); }
            case ThisYear -> { from = day(today.withDayOfYear(1)); to = day(today.withDayOfYear(1).plusYears(1)); }
            case OlderThanXDays -> { from = null; to = day(today.minusDays(count(a, c, values))); }
            case NextXHours -> { from = scope.now(); to = scope.now().plus(Duration.ofHours(count(a, c, values))); }
            case On, OnOrBefore, OnOrAfter -> {
                LocalDate d = LocalDate.ofInstant(((OffsetDateTime) ValueConverter.queryValue(e, a, one(a, c, values))).toInstant(), ZoneOffset.UTC);
                from = c.operator() == ConditionOperator.OnOrBefore ? null : day(d);
                to = c.operator() == ConditionOperator.OnOrAfter ? null : day(d.plusDays(1));
            }
            default -> throw new FaultException(ErrorCodes.QueryBuilderInvalidConditionOperator,
                    "The condition operator " + c.operator() + " is not supported.");
        }
        List<String> parts = new ArrayList<>();
        if (from != null) { params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)); parts.add(column + " >= ?"); }
        if (to != null) { params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC)); parts.add(column + (toNow ? " <= ?" : " < ?")); }
        return "(" + String.join(" AND ", parts) + ")";
    }

    private static Instant day(LocalDate d) { return d.atStartOfDay(ZoneOffset.UTC).toInstant(); }

    private static long count(AttributeMetadata a, ConditionExpression c, List<Object> values) {
        Object v = one(a, c, values);
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException ex) {
            throw invalid(a, c, "needs a whole number of days or hours");
        }
    }

    private String like(String col, AttributeMetadata a, ConditionExpression c, List<Object> values, List<Object> params,
                        boolean negate, String prefix, String suffix) {
        if (a.type() != AttributeType.String && a.type() != AttributeType.Memo) throw invalid(a, c, "applies to text columns only");
        params.add(prefix + one(a, c, values) + suffix);
        return col + (negate ? " NOT LIKE" : " LIKE") + " LOWER(?) ESCAPE '\\'";
    }

    /** BeginsWith and EndsWith take a literal, so its wildcard characters must not act as wildcards. */
    private static List<Object> escape(List<Object> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) out.add(String.valueOf(v).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("[", "\\["));
        return out;
    }

    private static Object param(EntityMetadata e, AttributeMetadata a, Object v, boolean text) {
        Object value = ValueConverter.queryValue(e, a, optionValue(v));
        return text ? value.toString() : value;
    }

    private static Object optionValue(Object v) { return v instanceof org.xrm4j.sdk.OptionSetValue o ? o.value() : v; }

    private static Object one(AttributeMetadata a, ConditionExpression c, List<Object> values) {
        if (values.size() != 1 || values.get(0) == null) throw invalid(a, c, "needs exactly one value");
        return values.get(0);
    }

    /** In the SDK a collection may be passed as the single value of an In condition. */
    private static List<Object> flatten(List<Object> values) {
        if (values.size() == 1 && values.get(0) instanceof java.util.Collection<?> col) return new ArrayList<>(col);
        return values;
    }

    private static String comparison(ConditionOperator op) {
        return switch (op) {
            case Equal -> "=";
            case NotEqual -> "<>";
            case GreaterThan -> ">";
            case GreaterEqual -> ">=";
            case LessThan -> "<";
            default -> "<=";
        };
    }

    private static FaultException invalid(AttributeMetadata a, ConditionExpression c, String why) {
        return new FaultException(ErrorCodes.QueryBuilderInvalidConditionOperator, "The condition " + c.operator()
                + " on '" + a.logicalName() + "' " + why + ".");
    }
}
