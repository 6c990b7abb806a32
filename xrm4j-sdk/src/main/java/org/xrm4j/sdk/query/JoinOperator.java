package org.xrm4j.sdk.query;

/**
 * How a {@link LinkEntity} joins. Inner, LeftOuter and Natural are joins whose columns the records can return. Any,
 * NotAny, All and NotAll, as in Dataverse, are filters on the records the link starts from and return no columns:
 * <ul>
 *   <li>{@code Any}: some related row matches the link's criteria;</li>
 *   <li>{@code NotAny}: no related row matches them;</li>
 *   <li>{@code All}: there are related rows and none of them matches the criteria (write the criteria the rows must
 *       not meet);</li>
 *   <li>{@code NotAll}: some related row matches the criteria (the same as Any, despite the name).</li>
 * </ul>
 * Such a link may stand in {@link QueryExpression#linkEntities()} (and-ed with the criteria) or in a
 * {@link FilterExpression#linkEntities()}, where it is a member of that filter's and/or.
 */
public enum JoinOperator {
    Inner, LeftOuter, Natural, Any, NotAny, All, NotAll;

    /** Whether this operator filters the records rather than joining a table's columns to them. */
    public boolean filters() { return this == Any || this == NotAny || this == All || this == NotAll; }
}
