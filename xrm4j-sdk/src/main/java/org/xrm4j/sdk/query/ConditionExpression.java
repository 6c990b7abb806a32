package org.xrm4j.sdk.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One condition: attribute, operator and values. {@code entityName} names a link-entity alias when the condition
 * sits on the root filter but tests a linked table's column; it is {@code null} otherwise.
 */
public record ConditionExpression(String entityName, String attributeName, ConditionOperator operator, List<Object> values) {
    public ConditionExpression {
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(operator, "operator");
        values = values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public ConditionExpression(String attributeName, ConditionOperator operator, Object... values) {
        this(null, attributeName, operator, Arrays.asList(values));
    }
}
