package org.xrm4j.sdk.json;

import java.util.List;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the query model. The parts that have a fixed position (Criteria, Conditions, LinkEntities, Orders,
 * PageInfo) go untagged as the protocol shows them; the same objects written as a free-standing value carry a
 * {@code $type} so they can be read back.
 */
final class QueryWriter {
    private QueryWriter() {}

    static void columnSet(JsonGenerator g, ColumnSet c, boolean tagged) {
        if (c == null) {
            g.writeNull();
            return;
        }
        open(g, "ColumnSet", tagged).writeBooleanProperty("AllColumns", c.allColumns());
        g.writeName("Columns");
        strings(g, c.columns());
        g.writeEndObject();
    }

    static void queryExpression(JsonGenerator g, QueryExpression q) {
        ValueWriter.type(g, "QueryExpression").writeStringProperty("EntityName", q.entityName());
        g.writeName("ColumnSet");
        columnSet(g, q.columnSet(), true);
        g.writeName("Criteria");
        filter(g, q.criteria(), false);
        orders(g, q.orders());
        topCount(g, q.topCount());
        pageInfo(g, q.pageInfo());
        linkEntities(g, q.linkEntities());
        g.writeBooleanProperty("Distinct", q.distinct());
        g.writeBooleanProperty("NoLock", q.noLock());
        g.writeEndObject();
    }

    static void queryByAttribute(JsonGenerator g, QueryByAttribute q) {
        ValueWriter.type(g, "QueryByAttribute").writeStringProperty("EntityName", q.entityName());
        g.writeName("ColumnSet");
        columnSet(g, q.columnSet(), true);
        g.writeName("Attributes");
        strings(g, q.attributes());
        g.writeName("Values");
        ValueWriter.list(g, q.values());
        orders(g, q.orders());
        topCount(g, q.topCount());
        pageInfo(g, q.pageInfo());
        g.writeEndObject();
    }

    static void filter(JsonGenerator g, FilterExpression f, boolean tagged) {
        if (f == null) {
            g.writeNull();
            return;
        }
        open(g, "FilterExpression", tagged).writeStringProperty("FilterOperator", f.filterOperator().name());
        g.writeName("Conditions").writeStartArray(f.conditions(), f.conditions().size());
        for (ConditionExpression c : f.conditions()) condition(g, c, false);
        g.writeEndArray();
        g.writeName("Filters").writeStartArray(f.filters(), f.filters().size());
        for (FilterExpression child : f.filters()) filter(g, child, false);
        g.writeEndArray();
        // Filtering links are written only when there are some, so that other filters keep their shape.
        if (!f.linkEntities().isEmpty()) linkEntities(g, f.linkEntities());
        g.writeEndObject();
    }

    static void condition(JsonGenerator g, ConditionExpression c, boolean tagged) {
        open(g, "ConditionExpression", tagged);
        // EntityName is optional on the wire: written only when the condition targets a link-entity alias.
        if (c.entityName() != null) g.writeStringProperty("EntityName", c.entityName());
        g.writeStringProperty("AttributeName", c.attributeName());
        g.writeStringProperty("Operator", c.operator().name());
        g.writeName("Values");
        ValueWriter.list(g, c.values());
        g.writeEndObject();
    }

    static void linkEntity(JsonGenerator g, LinkEntity l, boolean tagged) {
        open(g, "LinkEntity", tagged).writeStringProperty("LinkFromEntityName", l.linkFromEntityName());
        g.writeStringProperty("LinkToEntityName", l.linkToEntityName());
        g.writeStringProperty("LinkFromAttributeName", l.linkFromAttributeName());
        g.writeStringProperty("LinkToAttributeName", l.linkToAttributeName());
        g.writeStringProperty("JoinOperator", l.joinOperator().name());
        g.writeStringProperty("EntityAlias", l.entityAlias());
        g.writeName("Columns");
        columnSet(g, l.columns(), true);
        g.writeName("LinkCriteria");
        filter(g, l.linkCriteria(), false);
        linkEntities(g, l.linkEntities());
        orders(g, l.orders());
        g.writeEndObject();
    }

    private static void linkEntities(JsonGenerator g, List<LinkEntity> links) {
        g.writeName("LinkEntities").writeStartArray(links, links.size());
        for (LinkEntity l : links) linkEntity(g, l, false);
        g.writeEndArray();
    }

    private static void orders(JsonGenerator g, List<OrderExpression> orders) {
        g.writeName("Orders").writeStartArray(orders, orders.size());
        for (OrderExpression o : orders) {
            g.writeStartObject();
            g.writeStringProperty("AttributeName", o.attributeName());
            g.writeStringProperty("OrderType", o.orderType().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void topCount(JsonGenerator g, Integer topCount) {
        if (topCount == null) g.writeNullProperty("TopCount");
        else g.writeNumberProperty("TopCount", topCount.intValue());
    }

    private static void pageInfo(JsonGenerator g, PagingInfo p) {
        if (p == null) {
            g.writeNullProperty("PageInfo");
            return;
        }
        g.writeName("PageInfo").writeStartObject();
        g.writeNumberProperty("Count", p.count());
        g.writeNumberProperty("PageNumber", p.pageNumber());
        g.writeStringProperty("PagingCookie", p.pagingCookie());
        g.writeBooleanProperty("ReturnTotalRecordCount", p.returnTotalRecordCount());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, List<String> values) {
        g.writeStartArray(values, values.size());
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }

    private static JsonGenerator open(JsonGenerator g, String type, boolean tagged) {
        if (tagged) return ValueWriter.type(g, type);
        g.writeStartObject();
        return g;
    }
}
