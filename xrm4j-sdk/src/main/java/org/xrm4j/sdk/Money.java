package org.xrm4j.sdk;

import java.math.BigDecimal;
import java.util.Objects;

/** A currency amount. Equality ignores trailing zeros, as 12.5 and 12.50 are the same amount. */
public record Money(BigDecimal value) {
    public Money { Objects.requireNonNull(value, "value"); }

    public Money(String value) { this(new BigDecimal(value)); }

    @Override public boolean equals(Object o) { return o instanceof Money m && value.compareTo(m.value) == 0; }

    @Override public int hashCode() { return value.stripTrailingZeros().hashCode(); }
}
