package org.xrm4j.sdk.json;

import java.util.List;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the query model. Filters, conditions, link entities, orders and paging sit untagged in fixed positions
 * (a tag, when present, must match); an absent optional part takes the model's default, so a caller may send
 * {@code {"$type":"QueryExpression","EntityName":"account"}} and nothing else.
 */
final class QueryReader {
    private QueryReader() {}

    static ColumnSet columnSet(JsonNode o) {
        ValueReader.expectType(o, "ColumnSet");
        return new ColumnSet(JsonFields.bool(o, "AllColumns", false), JsonFields.strings(o, "Columns"));
    }

    static QueryExpression queryExpression(JsonNode o) {
        QueryExpression q = new QueryExpression(JsonFields.string(o, "EntityName"));
        JsonNode columns = JsonFields.object(o, "ColumnSet");
        if (columns != null) q.columnSet(at("ColumnSet", () -> columnSet(columns)));
        JsonNode criteria = JsonFields.object(o, "Criteria");
        if (criteria != null) q.criteria(at("Criteria", () -> filter(criteria)));
        q.orders().addAll(orders(o));
        q.topCount(JsonFields.optionalInt32(o, "TopCount"));
        q.pageInfo(pagingInfo(o));
        JsonNode links = JsonFields.array(o, "LinkEntities");
        if (links != null) linkEntities(links, q.linkEntities());
        return q.distinct(JsonFields.bool(o, "Distinct", false)).noLock(JsonFields.bool(o, "NoLock", false));
    }

    static QueryByAttribute queryByAttribute(JsonNode o) {
        QueryByAttribute q = new QueryByAttribute(JsonFields.string(o, "EntityName"));
        JsonNode columns = JsonFields.object(o, "ColumnSet");
        if (columns != null) q.columnSet(at("ColumnSet", () -> columnSet(columns)));
        q.attributes().addAll(JsonFields.strings(o, "Attributes"));
        JsonNode values = JsonFields.array(o, "Values");
        if (values != null) q.values().addAll(at("Values", () -> ValueReader.list(values)));
        q.orders().addAll(orders(o));
        q.topCount(JsonFields.optionalInt32(o, "TopCount"));
        return q.pageInfo(pagingInfo(o));
    }

    static FilterExpression filter(JsonNode o) {
        ValueReader.expectType(o, "FilterExpression");
        FilterExpression f = new FilterExpression(
                JsonFields.enumValue(o, "FilterOperator", LogicalOperator.class, LogicalOperator.And));
        JsonNode conditions = JsonFields.array(o, "Conditions");
        for (int i = 0; conditions != null && i < conditions.size(); i++) {
            try {
                f.conditions().add(condition(conditions.get(i)));
            } catch (JsonDecodeException e) {
                throw e.at(i).at("Conditions");
            }
        }
        JsonNode filters = JsonFields.array(o, "Filters");
        for (int i = 0; filters != null && i < filters.size(); i++) {
            try {
                f.filters().add(filter(filters.get(i)));
            } catch (JsonDecodeException e) {
                throw e.at(i).at("Filters");
            }
        }
        JsonNode links = JsonFields.array(o, "LinkEntities");
        if (links != null) linkEntities(links, f.linkEntities());
        return f;
    }

    static ConditionExpression condition(JsonNode o) {
        ValueReader.expectType(o, "ConditionExpression");
        ConditionOperator op = JsonFields.enumValue(o, "Operator", ConditionOperator.class, null);
        if (op == null) throw new JsonDecodeException("The condition has no \"Operator\"");
        JsonNode values = JsonFields.array(o, "Values");
        List<Object> decoded = values == null ? List.of() : at("Values", () -> ValueReader.list(values));
        return new ConditionExpression(JsonFields.string(o, "EntityName"),
                JsonFields.requiredString(o, "AttributeName", "The condition"), op, decoded);
    }

    static LinkEntity linkEntity(JsonNode o) {
        ValueReader.expectType(o, "LinkEntity");
        LinkEntity l = new LinkEntity(JsonFields.string(o, "LinkFromEntityName"), JsonFields.string(o, "LinkToEntityName"),
                JsonFields.string(o, "LinkFromAttributeName"), JsonFields.string(o, "LinkToAttributeName"),
                JsonFields.enumValue(o, "JoinOperator", JoinOperator.class, JoinOperator.Inner));
        l.entityAlias(JsonFields.string(o, "EntityAlias"));
        JsonNode columns = JsonFields.object(o, "Columns");
        if (columns != null) l.columns(at("Columns", () -> columnSet(columns)));
        JsonNode criteria = JsonFields.object(o, "LinkCriteria");
        if (criteria != null) l.linkCriteria(at("LinkCriteria", () -> filter(criteria)));
        JsonNode links = JsonFields.array(o, "LinkEntities");
        if (links != null) linkEntities(links, l.linkEntities());
        l.orders().addAll(orders(o));
        return l;
    }

    private static void linkEntities(JsonNode array, List<LinkEntity> into) {
        for (int i = 0; i < array.size(); i++) {
            try {
                into.add(linkEntity(array.get(i)));
            } catch (JsonDecodeException e) {
                throw e.at(i).at("LinkEntities");
            }
        }
    }

    private static List<OrderExpression> orders(JsonNode o) {
        JsonNode orders = JsonFields.array(o, "Orders");
        if (orders == null) return List.of();
        OrderExpression[] out = new OrderExpression[orders.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                JsonNode order = orders.get(i);
                ValueReader.expectType(order, "OrderExpression");
                out[i] = new OrderExpression(JsonFields.requiredString(order, "AttributeName", "The order"),
                        JsonFields.enumValue(order, "OrderType", OrderType.class, OrderType.Ascending));
            } catch (JsonDecodeException e) {
                throw e.at(i).at("Orders");
            }
        }
        return List.of(out);
    }

    private static PagingInfo pagingInfo(JsonNode o) {
        JsonNode p = JsonFields.object(o, "PageInfo");
        if (p == null) return null;
        return at("PageInfo", () -> new PagingInfo(JsonFields.int32(p, "Count", 0), JsonFields.int32(p, "PageNumber", 1),
                JsonFields.string(p, "PagingCookie"), JsonFields.bool(p, "ReturnTotalRecordCount", false)));
    }

    /** Runs a nested decode under the property {@code name}, so errors inside it name the property. */
    private static <T> T at(String name, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (JsonDecodeException e) {
            throw e.at(name);
        }
    }
}
