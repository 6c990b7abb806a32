package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;

/**
 * Dataverse's query functions in {@code $filter}, such as {@code Microsoft.Dynamics.CRM.In(PropertyName='x',
 * PropertyValues=['a','b'])} or {@code Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)},
 * each the engine's condition operator of the same name, so that they mean what the SDK's conditions mean. A
 * function under {@code not} becomes its opposite where one exists (In and NotIn, ...); the relative date functions
 * have none and are refused there.
 */
final class QueryFunctions {
    private static final String NAMESPACE = "Microsoft.Dynamics.CRM.";

    /** The parameters a function takes besides PropertyName. */
    private enum Shape { NONE, VALUE, VALUES, TWO_VALUES }

    private record Function(ConditionOperator operator, Shape shape, ConditionOperator opposite) {}

    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            Map.entry("In", new Function(ConditionOperator.In, Shape.VALUES, ConditionOperator.NotIn)),
            Map.entry("NotIn", new Function(ConditionOperator.NotIn, Shape.VALUES, ConditionOperator.In)),
            Map.entry("Between", new Function(ConditionOperator.Between, Shape.TWO_VALUES, ConditionOperator.NotBetween)),
            Map.entry("NotBetween", new Function(ConditionOperator.NotBetween, Shape.TWO_VALUES, ConditionOperator.Between)),
            Map.entry("ContainValues", new Function(ConditionOperator.ContainValues, Shape.VALUES, ConditionOperator.DoesNotContainValues)),
            Map.entry("DoesNotContainValues", new Function(ConditionOperator.DoesNotContainValues, Shape.VALUES, ConditionOperator.ContainValues)),
            Map.entry("EqualUserId", new Function(ConditionOperator.EqualUserId, Shape.NONE, ConditionOperator.NotEqualUserId)),
            Map.entry("NotEqualUserId", new Function(ConditionOperator.NotEqualUserId, Shape.NONE, ConditionOperator.EqualUserId)),
            Map.entry("EqualBusinessId", new Function(ConditionOperator.EqualBusinessId, Shape.NONE, ConditionOperator.NotEqualBusinessId)),
            Map.entry("NotEqualBusinessId", new Function(ConditionOperator.NotEqualBusinessId, Shape.NONE, ConditionOperator.EqualBusinessId)),
            Map.entry("Today", new Function(ConditionOperator.Today, Shape.NONE, null)),
            Map.entry("Yesterday", new Function(ConditionOperator.Yesterday, Shape.NONE, null)),
            Map.entry("Tomorrow", new Function(ConditionOperator.Tomorrow, Shape.NONE, null)),
            Map.entry("Last7Days", new Function(ConditionOperator.Last7Days, Shape.NONE, null)),
            Map.entry("Next7Days", new Function(ConditionOperator.Next7Days, Shape.NONE, null)),
            Map.entry("ThisMonth", new Function(ConditionOperator.ThisMonth, Shape.NONE, null)),
            Map.entry("LastMonth", new Function(ConditionOperator.LastMonth, Shape.NONE, null)),
            Map.entry("ThisYear", new Function(ConditionOperator.ThisYear, Shape.NONE, null)),
            Map.entry("LastXDays", new Function(ConditionOperator.LastXDays, Shape.VALUE, null)),
            Map.entry("NextXDays", new Function(ConditionOperator.NextXDays, Shape.VALUE, null)),
            Map.entry("LastXHours", new Function(ConditionOperator.LastXHours, Shape.VALUE, null)),
            Map.entry("NextXHours", new Function(ConditionOperator.NextXHours, Shape.VALUE, null)),
            Map.entry("OlderThanXDays", new Function(ConditionOperator.OlderThanXDays, Shape.VALUE, null)),
            Map.entry("On", new Function(ConditionOperator.On, Shape.VALUE, null)),
            Map.entry("OnOrBefore", new Function(ConditionOperator.OnOrBefore, Shape.VALUE, ConditionOperator.OnOrAfter)),
            Map.entry("OnOrAfter", new Function(ConditionOperator.OnOrAfter, Shape.VALUE, ConditionOperator.OnOrBefore)));

    private QueryFunctions() {}

    /** Whether a word in function position names a Dataverse query function (known or not). */
    static boolean names(String word) { return word.startsWith(NAMESPACE); }

    static ConditionExpression condition(String qualifiedName, Map<String, Object> parameters, boolean negate) {
        String name = qualifiedName.substring(NAMESPACE.length());
        Function f = FUNCTIONS.get(name);
        if (f == null) {
            throw FilterLexer.error("'" + qualifiedName + "' is not a query function the server knows. Use one of: "
                    + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()) + ".");
        }
        // OnOrBefore's opposite holds the day itself, so "not OnOrBefore" is not simply OnOrAfter: refuse it.
        ConditionOperator operator = f.operator();
        if (negate) {
            if (f.opposite() == null || f.operator() == ConditionOperator.OnOrBefore || f.operator() == ConditionOperator.OnOrAfter) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $filter: the query function '" + name
                        + "' cannot be negated with 'not'.");
            }
            operator = f.opposite();
        }
        String property = propertyName(name, parameters.get("PropertyName"));
        List<Object> values = switch (f.shape()) {
            case NONE -> {
                only(name, parameters, "PropertyName");
                yield List.of();
            }
            case VALUE -> {
                only(name, parameters, "PropertyName", "PropertyValue");
                Object v = parameters.get("PropertyValue");
                if (v == null || v instanceof List<?>) throw missing(name, "PropertyValue", "one value, such as PropertyValue=7");
                yield List.of(v);
            }
            case VALUES, TWO_VALUES -> {
                only(name, parameters, "PropertyName", "PropertyValues");
                if (!(parameters.get("PropertyValues") instanceof List<?> list) || list.isEmpty()) {
                    throw missing(name, "PropertyValues", "a list such as PropertyValues=['a','b']");
                }
                if (f.shape() == Shape.TWO_VALUES && list.size() != 2) {
                    throw missing(name, "PropertyValues", "exactly two values, such as PropertyValues=[1,5]");
                }
                yield new ArrayList<>(list);
            }
        };
        return new ConditionExpression(null, property, operator, values);
    }

    private static String propertyName(String function, Object value) {
        if (!(value instanceof String s) || s.isBlank()) throw missing(function, "PropertyName", "a quoted column name, such as PropertyName='createdon'");
        if (s.startsWith("_") && s.endsWith("_value") && s.length() > 7) return s.substring(1, s.length() - 6);
        return s;
    }

    private static void only(String function, Map<String, Object> parameters, String... allowed) {
        for (String p : parameters.keySet()) {
            if (!List.of(allowed).contains(p)) {
                throw FilterLexer.error("the query function '" + function + "' has no parameter '" + p + "'; it takes "
                        + String.join(" and ", allowed) + ".");
            }
        }
    }

    private static FaultException missing(String function, String parameter, String what) {
        return FilterLexer.error("the query function '" + function + "' needs " + parameter + " with " + what + ".");
    }
}
