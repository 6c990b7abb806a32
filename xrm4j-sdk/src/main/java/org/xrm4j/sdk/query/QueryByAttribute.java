package org.xrm4j.sdk.query;

import java.util.ArrayList;
import java.util.List;

/** Records whose attributes equal the given values (all of them). */
public final class QueryByAttribute implements QueryBase {
    private String entityName;
    private ColumnSet columnSet = new ColumnSet(false, List.of());
    private final List<String> attributes = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<OrderExpression> orders = new ArrayList<>();
    private Integer topCount;
    private PagingInfo pageInfo;

    public QueryByAttribute() {}

    public QueryByAttribute(String entityName) { this.entityName = entityName; }

    public String entityName() { return entityName; }
    public QueryByAttribute entityName(String v) { entityName = v; return this; }
    public ColumnSet columnSet() { return columnSet; }
    public QueryByAttribute columnSet(ColumnSet v) { columnSet = v; return this; }
    public List<String> attributes() { return attributes; }
    public List<Object> values() { return values; }
    public List<OrderExpression> orders() { return orders; }
    public Integer topCount() { return topCount; }
    public QueryByAttribute topCount(Integer v) { topCount = v; return this; }
    public PagingInfo pageInfo() { return pageInfo; }
    public QueryByAttribute pageInfo(PagingInfo v) { pageInfo = v; return this; }

    public QueryByAttribute addAttributeValue(String attribute, Object value) {
        attributes.add(attribute);
        values.add(value);
        return this;
    }

    @Override public boolean equals(Object o) {
        return o instanceof QueryByAttribute q && java.util.Objects.equals(entityName, q.entityName)
                && columnSet.equals(q.columnSet) && attributes.equals(q.attributes) && values.equals(q.values)
                && orders.equals(q.orders) && java.util.Objects.equals(topCount, q.topCount)
                && java.util.Objects.equals(pageInfo, q.pageInfo);
    }

    @Override public int hashCode() { return java.util.Objects.hash(entityName, attributes, values); }
}
