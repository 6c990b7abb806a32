package org.xrm4j.sdk.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A join to a related table: {@code linkFromEntityName.linkFromAttributeName = linkToEntityName.linkToAttributeName}.
 * Its columns come back on the root records as {@code AliasedValue}s named {@code alias.column}.
 */
public final class LinkEntity {
    private String linkFromEntityName;
    private String linkToEntityName;
    private String linkFromAttributeName;
    private String linkToAttributeName;
    private JoinOperator joinOperator = JoinOperator.Inner;
    private String entityAlias;
    private ColumnSet columns = new ColumnSet(false, List.of());
    private FilterExpression linkCriteria = new FilterExpression();
    private final List<LinkEntity> linkEntities = new ArrayList<>();
    private final List<OrderExpression> orders = new ArrayList<>();

    public LinkEntity() {}

    public LinkEntity(String fromEntity, String toEntity, String fromAttribute, String toAttribute, JoinOperator join) {
        this.linkFromEntityName = fromEntity;
        this.linkToEntityName = toEntity;
        this.linkFromAttributeName = fromAttribute;
        this.linkToAttributeName = toAttribute;
        this.joinOperator = join;
    }

    public String linkFromEntityName() { return linkFromEntityName; }
    public LinkEntity linkFromEntityName(String v) { linkFromEntityName = v; return this; }
    public String linkToEntityName() { return linkToEntityName; }
    public LinkEntity linkToEntityName(String v) { linkToEntityName = v; return this; }
    public String linkFromAttributeName() { return linkFromAttributeName; }
    public LinkEntity linkFromAttributeName(String v) { linkFromAttributeName = v; return this; }
    public String linkToAttributeName() { return linkToAttributeName; }
    public LinkEntity linkToAttributeName(String v) { linkToAttributeName = v; return this; }
    public JoinOperator joinOperator() { return joinOperator; }
    public LinkEntity joinOperator(JoinOperator v) { joinOperator = v; return this; }
    /** The alias; {@code null} means the server names it. */
    public String entityAlias() { return entityAlias; }
    public LinkEntity entityAlias(String v) { entityAlias = v; return this; }
    public ColumnSet columns() { return columns; }
    public LinkEntity columns(ColumnSet v) { columns = v; return this; }
    public FilterExpression linkCriteria() { return linkCriteria; }
    public LinkEntity linkCriteria(FilterExpression v) { linkCriteria = v; return this; }
    public List<LinkEntity> linkEntities() { return linkEntities; }
    public List<OrderExpression> orders() { return orders; }

    @Override public boolean equals(Object o) {
        return o instanceof LinkEntity l && java.util.Objects.equals(linkFromEntityName, l.linkFromEntityName)
                && java.util.Objects.equals(linkToEntityName, l.linkToEntityName)
                && java.util.Objects.equals(linkFromAttributeName, l.linkFromAttributeName)
                && java.util.Objects.equals(linkToAttributeName, l.linkToAttributeName)
                && joinOperator == l.joinOperator && java.util.Objects.equals(entityAlias, l.entityAlias)
                && columns.equals(l.columns) && linkCriteria.equals(l.linkCriteria)
                && linkEntities.equals(l.linkEntities) && orders.equals(l.orders);
    }

    @Override public int hashCode() { return java.util.Objects.hash(linkToEntityName, linkFromAttributeName, entityAlias); }
}
