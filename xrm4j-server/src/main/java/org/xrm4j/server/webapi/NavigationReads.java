package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * Reading through a navigation property, {@code GET <set>(<key>)/<navigation>}: a collection-valued one is a query of
 * the related table (with every query option and paging, as {@code GET <set>}); a single-valued one is the related
 * record (with {@code $select} and {@code $expand}), or {@code 204 No Content} when the lookup is empty, as OData
 * answers a null single-valued navigation property. Below a collection-valued one, {@code /$count} counts the related
 * records and {@code (<key>)} reads one of them, found only when it is related.
 *
 * <p>Both first retrieve the record the path names, so that a missing one (or one the caller may not read) is
 * answered as such, not as an empty result. The related records of a collection are found by linking the related
 * table back to that record (through the intersect table for a many-to-many relationship), with its id or its
 * alternate key as the link's criteria: the query needs no id the planner does not know yet.
 */
final class NavigationReads {
    private static final String SOURCE_ALIAS = "nav:source";
    private static final String INTERSECT_ALIAS = "nav:intersect";

    private final OrganizationMetadata metadata;
    private final RecordOperations records;
    private final WebApiRequest request;

    NavigationReads(OrganizationMetadata metadata, RecordOperations records, WebApiRequest request) {
        this.metadata = metadata;
        this.records = records;
        this.request = request;
    }

    Operation read(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        if (FetchXmlQueries.fetchXml(request) != null) {
            throw new FaultException(ErrorCodes.NotSupported, "A fetchXml query reads an entity set ("
                    + metadata.entity(nav.target()).entitySetName() + "?fetchXml=…), not a navigation property; link the"
                    + " related table in the FetchXML instead.");
        }
        return nav.collection() ? collection(e, key, nav) : single(e, key, nav);
    }

    private Operation collection(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        EntityMetadata target = metadata.entity(nav.target());
        RetrieveRequest source = new RetrieveRequest(key.reference(e), new ColumnSet(e.primaryIdAttribute()));
        return records.query(target, List.of(source), q -> q.linkEntities().add(toSource(e, key, nav, target)),
                key.address(e) + "/" + nav.name());
    }

    /**
     * {@code GET <set>(<key>)/<collection>/$count}: how many records are related (at most 5000, as {@code <set>/$count}),
     * narrowed by {@code $filter} when one is given, as plain text after a byte-order mark.
     */
    Operation count(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        if (!nav.collection()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + nav.name() + "' is a single-valued navigation property: $count"
                    + " counts the records of a collection-valued one.");
        }
        EntityMetadata target = metadata.entity(nav.target());
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        QueryExpression q = new QueryExpression(target.logicalName()).columnSet(new ColumnSet(target.primaryIdAttribute()))
                .pageInfo(new PagingInfo(1, 1, null, true));
        if (options.filter() != null) {
            q.criteria(FilterParser.parse(options.filter()));
            NavigationFilters.apply(metadata, target, q);
        }
        q.linkEntities().add(toSource(e, key, nav, target));
        RetrieveRequest source = new RetrieveRequest(key.reference(e), new ColumnSet(e.primaryIdAttribute()));
        return new Operation(List.of(source, new RetrieveMultipleRequest(q)), responses -> WebApiResponse.text(200,
                "\uFEFF" + ((EntityCollection) responses.get(1).get("EntityCollection")).totalRecordCount()), null);
    }

    /**
     * {@code GET <set>(<key>)/<collection>(<key>)}: the related record with {@code $select} and {@code $expand}, when it
     * is related to the addressed record; a record that exists but is not related is not found here, as on Dataverse.
     * A query of the related table, linked back to the addressed record and narrowed to the named record, tells
     * whether it is related; the record and its expansions are read once its id is known.
     */
    Operation related(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav, String relatedKey) {
        if (!nav.collection()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + nav.name() + "' is a single-valued navigation property: it"
                    + " names one record without a key; read it as " + key.address(e) + "/" + nav.name() + ".");
        }
        EntityMetadata target = metadata.entity(nav.target());
        RecordKey child = RecordKey.parse(target, relatedKey);
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        if (options.filter() != null || options.orderBy() != null || options.top() != null || options.count()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A related record read by its key takes $select and $expand only"
                    + " ($filter, $orderby, $top and $count apply to collections).");
        }
        QueryTranslator.columnSet(target, options.select()); // an unknown column is refused before anything runs
        Expansions expansions = Expansions.parse(metadata, target, options.expand(), Annotations.of(request));
        QueryExpression q = new QueryExpression(target.logicalName()).columnSet(new ColumnSet(target.primaryIdAttribute())).topCount(1);
        q.criteria(keyCriteria(target, child));
        q.linkEntities().add(toSource(e, key, nav, target));
        RetrieveRequest source = new RetrieveRequest(key.reference(e), new ColumnSet(e.primaryIdAttribute()));
        return Operation.reading(List.of(source, new RetrieveMultipleRequest(q)), null, (responses, reads) -> {
            List<Entity> found = ((EntityCollection) responses.get(1).get("EntityCollection")).entities();
            if (found.isEmpty()) {
                throw new FaultException(ErrorCodes.ObjectDoesNotExist, "No " + target.logicalName() + " " + child.address(target)
                        + " is related to " + key.address(e) + " through '" + nav.name() + "'.");
            }
            UUID id = found.getFirst().id();
            List<OrganizationResponse> read = new ArrayList<>();
            read.add(reads.execute(new RetrieveRequest(new EntityReference(target.logicalName(), id),
                    QueryTranslator.columnSet(target, options.select()))));
            for (OrganizationRequest r : expansions.requestsFor(id)) read.add(reads.execute(r));
            return Annotations.of(request).applied(records.representation(target, read, options, 200, reads));
        });
    }

    /** Conditions that find the record a key names: its id, or the values of its alternate key. */
    private static FilterExpression keyCriteria(EntityMetadata e, RecordKey key) {
        FilterExpression criteria = new FilterExpression();
        if (key.alternate()) {
            key.keys().forEach((column, value) -> criteria.addCondition(column, value == null ? ConditionOperator.Null
                    : ConditionOperator.Equal, value == null ? new Object[0] : new Object[] {value}));
        } else {
            criteria.addCondition(e.primaryIdAttribute(), ConditionOperator.Equal, key.id());
        }
        return criteria;
    }

    /** The link from the related table back to the addressed record, which keeps only the records related to it. */
    private static LinkEntity toSource(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav, EntityMetadata target) {
        FilterExpression criteria = keyCriteria(e, key);
        if (!nav.manyToMany()) {
            return new LinkEntity(target.logicalName(), e.logicalName(), nav.lookup(), e.primaryIdAttribute(), JoinOperator.Inner)
                    .entityAlias(SOURCE_ALIAS).columns(new ColumnSet()).linkCriteria(criteria);
        }
        LinkEntity intersect = new LinkEntity(target.logicalName(), nav.relationship().intersectEntity(), target.primaryIdAttribute(),
                nav.intersectTargetColumn(), JoinOperator.Inner).entityAlias(INTERSECT_ALIAS).columns(new ColumnSet());
        intersect.linkEntities().add(new LinkEntity(nav.relationship().intersectEntity(), e.logicalName(), nav.intersectSourceColumn(),
                e.primaryIdAttribute(), JoinOperator.Inner).entityAlias(SOURCE_ALIAS).columns(new ColumnSet()).linkCriteria(criteria));
        return intersect;
    }

    /**
     * The record behind a lookup: the addressed record's lookup is read first; the related record and its
     * expansions follow once its id is known.
     */
    private Operation single(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        if (options.filter() != null || options.orderBy() != null || options.top() != null || options.count()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + nav.name() + "' is a single-valued navigation property: reading"
                    + " it takes $select and $expand only ($filter, $orderby, $top and $count apply to collections).");
        }
        EntityMetadata target = metadata.entity(nav.target());
        QueryTranslator.columnSet(target, options.select()); // an unknown column is refused before anything runs
        Expansions expansions = Expansions.parse(metadata, target, options.expand(), Annotations.of(request));
        RetrieveRequest source = new RetrieveRequest(key.reference(e), new ColumnSet(nav.lookup()));
        return Operation.reading(List.of(source), null, (responses, reads) -> {
            Entity record = (Entity) responses.getFirst().get("Entity");
            // A lookup with several targets leads to this navigation property only when it points at its table.
            if (!(record.get(nav.lookup()) instanceof EntityReference related) || !related.logicalName().equals(target.logicalName())) {
                return WebApiResponse.empty(204);
            }
            List<OrganizationResponse> read = new ArrayList<>();
            read.add(reads.execute(new RetrieveRequest(new EntityReference(target.logicalName(), related.id()),
                    QueryTranslator.columnSet(target, options.select()))));
            for (OrganizationRequest r : expansions.requestsFor(related.id())) read.add(reads.execute(r));
            return Annotations.of(request).applied(records.representation(target, read, options, 200, reads));
        });
    }
}
