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
 *
 * <p>The lambda operators' links ({@code contact_customer_accounts/any(c: …)}, see {@link FilterParser}) are joined
 * to the related table here: a one-to-many one by the related table's lookup, a many-to-many one through the
 * intersect table. The lambda's conditions are rewritten for the related table the same way (single-valued paths
 * inside it become outer links below the lambda's link; nested lambdas, links of its criteria), and name the
 * related table's alias, so that they test it also when the link starts at the intersect table.
 */
final class NavigationFilters {
    /** The alias prefix of the links made here; link aliases a client chooses never contain a colon. */
    private static final String ALIAS = "filter:";

    private final OrganizationMetadata metadata;
    private final EntityMetadata entity;
    /** The prefix of the aliases of the links made here, unique per lambda. */
    private final String prefix;
    /** The alias plain conditions name ({@code null}: the query's own table). */
    private final String qualifier;
    /** The number of lambdas resolved so far in the whole filter, which keeps their aliases apart. */
    private final int[] lambdas;
    private final Map<String, LinkEntity> links = new LinkedHashMap<>();

    private NavigationFilters(OrganizationMetadata metadata, EntityMetadata entity, String prefix, String qualifier, int[] lambdas) {
        this.metadata = metadata;
        this.entity = entity;
        this.prefix = prefix;
        this.qualifier = qualifier;
        this.lambdas = lambdas;
    }

    /** Rewrites the query's navigation-path conditions onto links it adds to the query. */
    static void apply(OrganizationMetadata metadata, EntityMetadata entity, QueryExpression q) {
        NavigationFilters f = new NavigationFilters(metadata, entity, ALIAS, null, new int[1]);
        q.criteria(f.rewrite(q.criteria()));
        q.linkEntities().addAll(f.links.values());
    }

    private FilterExpression rewrite(FilterExpression filter) {
        FilterExpression out = new FilterExpression(filter.filterOperator());
        for (ConditionExpression c : filter.conditions()) out.addCondition(rewrite(c));
        for (FilterExpression f : filter.filters()) out.addFilter(rewrite(f));
        for (LinkEntity l : filter.linkEntities()) out.linkEntities().add(lambda(l));
        return out;
    }

    /** A lambda's link, joined to the related table of its navigation property, with its conditions rewritten. */
    private LinkEntity lambda(LinkEntity l) {
        if (l.linkToEntityName() != null || l.entityAlias() == null || !l.entityAlias().startsWith(FilterParser.LAMBDA)) return l;
        String property = l.entityAlias().substring(FilterParser.LAMBDA.length());
        NavigationProperties.Navigation n = NavigationProperties.of(metadata).find(entity.logicalName(), property);
        if (n == null) throw Expansions.unknownProperty(entity, property);
        if (!n.collection()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Invalid $filter: '" + property + "' is a single-valued navigation"
                    + " property; any and all apply to collection-valued ones (filter on " + property + "/<column> instead).");
        }
        EntityMetadata target = metadata.entity(n.target());
        String alias = ALIAS + "lambda" + (++lambdas[0]) + ":" + n.name();
        NavigationFilters inner = new NavigationFilters(metadata, target, alias + "/", alias, lambdas);
        FilterExpression criteria = inner.rewrite(l.linkCriteria());
        if (!n.manyToMany()) {
            LinkEntity link = new LinkEntity(entity.logicalName(), target.logicalName(), entity.primaryIdAttribute(), n.lookup(),
                    l.joinOperator()).entityAlias(alias).columns(new ColumnSet()).linkCriteria(criteria);
            link.linkEntities().addAll(inner.links.values());
            return link;
        }
        // As FetchXML writes it: the criteria on the related table's inner link, inside the intersect table's link.
        LinkEntity related = new LinkEntity(n.relationship().intersectEntity(), target.logicalName(), n.intersectTargetColumn(),
                target.primaryIdAttribute(), JoinOperator.Inner).entityAlias(alias).columns(new ColumnSet()).linkCriteria(criteria);
        related.linkEntities().addAll(inner.links.values());
        LinkEntity intersect = new LinkEntity(entity.logicalName(), n.relationship().intersectEntity(), entity.primaryIdAttribute(),
                n.intersectSourceColumn(), l.joinOperator()).entityAlias(alias + ":intersect").columns(new ColumnSet());
        intersect.linkEntities().add(related);
        return intersect;
    }

    private ConditionExpression rewrite(ConditionExpression c) {
        String path = c.attributeName();
        int slash = path.indexOf('/');
        if (slash < 0) {
            return qualifier == null || c.entityName() != null ? c : new ConditionExpression(qualifier, path, c.operator(), c.values());
        }
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
                    + " property: test its records with the lambda operators, such as " + property + "/any(r: r/" + column + " ...).");
        }
        if (column.startsWith("_") && column.endsWith("_value") && column.length() > 7) column = column.substring(1, column.length() - 6);
        EntityMetadata target = metadata.entity(n.target());
        target.requireAttribute(column);
        String alias = prefix + n.name();
        links.computeIfAbsent(alias, a -> new LinkEntity(entity.logicalName(), target.logicalName(), n.lookup(),
                target.primaryIdAttribute(), JoinOperator.LeftOuter).entityAlias(a).columns(new ColumnSet()));
        return new ConditionExpression(alias, column, c.operator(), c.values());
    }
}
