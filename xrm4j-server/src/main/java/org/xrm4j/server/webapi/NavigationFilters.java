package org.xrm4j.server.webapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * Conditions on a single-valued navigation path in {@code $filter}, such as {@code primarycontactid/fullname eq 'x'}:
 * each navigation property becomes one outer link to the related table, and the condition tests the linked column
 * (the SDK's condition on a link-entity alias). An outer link keeps records without a related one, which then
 * match only conditions that hold for a missing value, as in Dataverse.
 */
final class NavigationFilters {
    /** The alias prefix of the links made here; link aliases a client chooses never contain a colon. */
    private static final String ALIAS = "filter:";

    private final OrganizationMetadata metadata;
    private final EntityMetadata entity;
    private final Map<String, LinkEntity> links = new LinkedHashMap<>();

    private NavigationFilters(OrganizationMetadata metadata, EntityMetadata entity) {
        this.metadata = metadata;
        this.entity = entity;
    }

    /** Rewrites the query's navigation-path conditions onto links it adds to the query. */
    static void apply(OrganizationMetadata metadata, EntityMetadata entity, QueryExpression q) {
        NavigationFilters f = new NavigationFilters(metadata, entity);
        q.criteria(f.rewrite(q.criteria()));
        q.linkEntities().addAll(f.links.values());
    }

    private FilterExpression rewrite(FilterExpression filter) {
        FilterExpression out = new FilterExpression(filter.filterOperator());
        for (ConditionExpression c : filter.conditions()) out.addCondition(rewrite(c));
        for (FilterExpression f : filter.filters()) out.addFilter(rewrite(f));
        return out;
    }

    private ConditionExpression rewrite(ConditionExpression c) {
        String path = c.attributeName();
        int slash = path.indexOf('/');
        if (slash < 0) return c;
        String property = path.substring(0, slash);
        String column = path.substring(slash + 1);
        if (column.contains("/")) {
            throw new FaultException(ErrorCodes.NotSupported, "Invalid $filter: the path '" + path + "' crosses more than one"
                    + " navigation property; filter on one single-valued navigation property and its column, such as primarycontactid/fullname.");
        }
        NavigationProperties.Navigation n = NavigationProperties.of(metadata).find(entity.logicalName(), property);
        if (n == null) throw Expansions.unknownProperty(entity, property);
        if (n.collection()) {
            throw new FaultException(ErrorCodes.NotSupported, "Invalid $filter: '" + property + "' is a collection-valued navigation"
                    + " property, which needs the lambda operators any/all; only single-valued navigation properties can be filtered on.");
        }
        if (column.startsWith("_") && column.endsWith("_value") && column.length() > 7) column = column.substring(1, column.length() - 6);
        EntityMetadata target = metadata.entity(n.target());
        target.requireAttribute(column);
        String alias = ALIAS + n.name();
        links.computeIfAbsent(alias, a -> new LinkEntity(entity.logicalName(), target.logicalName(), n.lookup(),
                target.primaryIdAttribute(), JoinOperator.LeftOuter).entityAlias(a).columns(new ColumnSet()));
        return new ConditionExpression(alias, column, c.operator(), c.values());
    }
}
