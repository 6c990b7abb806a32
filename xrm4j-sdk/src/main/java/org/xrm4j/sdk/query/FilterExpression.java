package org.xrm4j.sdk.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions, nested filters and filtering links (a {@link LinkEntity} with {@link JoinOperator#Any}, NotAny, All or
 * NotAll, as FetchXML's link-entity inside a filter) joined by And or Or.
 */
public final class FilterExpression {
    private LogicalOperator filterOperator;
    private final List<ConditionExpression> conditions = new ArrayList<>();
    private final List<FilterExpression> filters = new ArrayList<>();
    private final List<LinkEntity> linkEntities = new ArrayList<>();

    public FilterExpression() { this(LogicalOperator.And); }

    public FilterExpression(LogicalOperator op) { this.filterOperator = op; }

    public LogicalOperator filterOperator() { return filterOperator; }
    public FilterExpression filterOperator(LogicalOperator op) { this.filterOperator = op; return this; }
    public List<ConditionExpression> conditions() { return conditions; }
    public List<FilterExpression> filters() { return filters; }
    /** Links that filter (Any, NotAny, All, NotAll), members of this filter like its conditions. */
    public List<LinkEntity> linkEntities() { return linkEntities; }

    public FilterExpression addCondition(String attribute, ConditionOperator op, Object... values) {
        conditions.add(new ConditionExpression(attribute, op, values));
        return this;
    }

    public FilterExpression addCondition(ConditionExpression c) { conditions.add(c); return this; }

    public FilterExpression addFilter(FilterExpression f) { filters.add(f); return this; }

    public boolean isEmpty() {
        return conditions.isEmpty() && linkEntities.isEmpty() && filters.stream().allMatch(FilterExpression::isEmpty);
    }

    @Override public boolean equals(Object o) {
        return o instanceof FilterExpression f && filterOperator == f.filterOperator && conditions.equals(f.conditions)
                && filters.equals(f.filters) && linkEntities.equals(f.linkEntities);
    }

    @Override public int hashCode() { return java.util.Objects.hash(filterOperator, conditions, filters, linkEntities); }

    @Override public String toString() { return filterOperator + conditions.toString() + filters + (linkEntities.isEmpty() ? "" : linkEntities.toString()); }
}
