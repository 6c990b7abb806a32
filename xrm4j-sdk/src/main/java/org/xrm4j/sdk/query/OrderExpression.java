package org.xrm4j.sdk.query;

import java.util.Objects;

/** Sort by one attribute. */
public record OrderExpression(String attributeName, OrderType orderType) {
    public OrderExpression { Objects.requireNonNull(attributeName); Objects.requireNonNull(orderType); }
}
