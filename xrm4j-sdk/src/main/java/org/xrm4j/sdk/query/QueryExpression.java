package org.xrm4j.sdk.query;

import java.util.ArrayList;
import java.util.List;

/** The SDK's structured query. */
public final class QueryExpression implements QueryBase {
    private String entityName;
    private ColumnSet columnSet = new ColumnSet(false, List.of());
    private FilterExpression criteria = new FilterExpression();
    private final List<OrderExpression> orders = new ArrayList<>();
    private final List<LinkEntity> linkEntities = new ArrayList<>();
    private Integer topCount;
    private PagingInfo pageInfo;
    private boolean distinct;
    private boolean noLock;

    public QueryExpression() {}

    public QueryExpression(String entityName) { this.entityName = entityName; }

    public String entityName() { return entityName; }
    public QueryExpression entityName(String v) { entityName = v; return this; }
    public ColumnSet columnSet() { return columnSet; }
    public QueryExpression columnSet(ColumnSet v) { columnSet = v; return this; }
    public FilterExpression criteria() { return criteria; }
    public QueryExpression criteria(FilterExpression v) { criteria = v; return this; }
    public List<OrderExpression> orders() { return orders; }
    public List<LinkEntity> linkEntities() { return linkEntities; }
    /** At most this many records; {@code null} for no limit. */
    public Integer topCount() { return topCount; }
    public QueryExpression topCount(Integer v) { topCount = v; return this; }
    /** The page to read; {@code null} reads the first page of the default size. */
    public PagingInfo pageInfo() { return pageInfo; }
    public QueryExpression pageInfo(PagingInfo v) { pageInfo = v; return this; }
    public boolean distinct() { return distinct; }
    public QueryExpression distinct(boolean v) { distinct = v; return this; }
    public boolean noLock() { return noLock; }
    public QueryExpression noLock(boolean v) { noLock = v; return this; }

    public QueryExpression addOrder(String attribute, OrderType type) { orders.add(new OrderExpression(attribute, type)); return this; }

    public LinkEntity addLink(String toEntity, String fromAttribute, String toAttribute, JoinOperator join) {
        LinkEntity l = new LinkEntity(entityName, toEntity, fromAttribute, toAttribute, join);
        linkEntities.add(l);
        return l;
    }

    @Override public boolean equals(Object o) {
        return o instanceof QueryExpression q && java.util.Objects.equals(entityName, q.entityName)
                && columnSet.equals(q.columnSet) && criteria.equals(q.criteria) && orders.equals(q.orders)
                && linkEntities.equals(q.linkEntities) && java.util.Objects.equals(topCount, q.topCount)
                && java.util.Objects.equals(pageInfo, q.pageInfo) && distinct == q.distinct && noLock == q.noLock;
    }

    @Override public int hashCode() { return java.util.Objects.hash(entityName, columnSet, criteria); }

    @Override public String toString() { return "QueryExpression[" + entityName + " " + criteria + "]"; }
}
