package org.xrm4j.server.webapi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.DisassociateRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links between records through navigation properties ({@code $ref}), as the SDK messages that make them: on a
 * collection-valued property {@code POST …/nav/$ref} is an Associate and {@code DELETE …/nav(<id>)/$ref} (or
 * {@code …/nav/$ref?$id=<url>}) a Disassociate, for one-to-many relationships (the lookup of the child) and
 * many-to-many ones (the intersect row) alike; on a single-valued property {@code PUT …/nav/$ref} sets the lookup and
 * {@code DELETE …/nav/$ref} clears it, as an Update. {@code POST …/nav} creates a record already linked to this one.
 */
final class ReferenceOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The record at the end of an {@code @odata.id}: absolute, service-relative or a path, with an id or alternate key. */
    private static final Pattern RECORD_URL = Pattern.compile("(?:^|/)([A-Za-z_][A-Za-z0-9_]*)\\(((?:'(?:[^']|'')*'|[^')])*)\\)$");

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;

    ReferenceOperations(OrganizationMetadata metadata, WebApiRequest request) {
        this.metadata = metadata;
        this.request = request;
    }

    /** {@code POST …/nav/$ref} on a collection-valued property. */
    Operation associate(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        if (!nav.collection()) {
            throw new FaultException(ErrorCodes.NotSupported, "The navigation property '" + nav.name() + "' is single-valued:"
                    + " set it with PUT …/" + nav.name() + "/$ref.");
        }
        EntityReference related = related(nav, bodyId());
        return link(e, key, new AssociateRequest(key.reference(e), new Relationship(nav.relationship().schemaName()),
                new EntityReferenceCollection(List.of(related))));
    }

    /** {@code DELETE …/nav(<id>)/$ref}, or {@code …/nav/$ref?$id=<url>}, on a collection-valued property. */
    Operation disassociate(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav, String relatedKey) {
        EntityReference related;
        if (relatedKey != null) {
            related = id(metadata.entity(nav.target()), RecordKey.parse(metadata.entity(nav.target()), relatedKey), nav);
        } else {
            String id = queryId();
            if (id == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Name the record to unlink from '" + nav.name() + "': DELETE …/"
                        + nav.name() + "(<id>)/$ref or …/" + nav.name() + "/$ref?$id=<record url>.");
            }
            related = related(nav, id);
        }
        return link(e, key, new DisassociateRequest(key.reference(e), new Relationship(nav.relationship().schemaName()),
                new EntityReferenceCollection(List.of(related))));
    }

    /** {@code PUT …/nav/$ref} on a single-valued property: the lookup points at the body's record. */
    Operation setReference(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        singleValued(nav, "PUT");
        EntityReference related = related(nav, bodyId());
        return link(e, key, new UpdateRequest(key.apply(new Entity(e.logicalName(), key.id()).set(nav.lookup(), related))));
    }

    /** {@code DELETE …/nav/$ref} on a single-valued property: the lookup is cleared. */
    Operation clearReference(EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        singleValued(nav, "DELETE");
        return link(e, key, new UpdateRequest(key.apply(new Entity(e.logicalName(), key.id()).set(nav.lookup(), null))));
    }

    /**
     * {@code POST …/nav} on a collection-valued property: the body is a new record of the related table (deep insert
     * allowed), created linked to this one and answered as a create of it.
     */
    Operation createRelated(RecordOperations records, EntityMetadata e, RecordKey key, NavigationProperties.Navigation nav) {
        if (!nav.collection()) {
            throw new FaultException(ErrorCodes.NotSupported, "POST to the single-valued navigation property '" + nav.name()
                    + "' is not supported: create the record, then PUT …/" + nav.name() + "/$ref.");
        }
        byte[] bytes = request.body();
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        DeepInsert deep = new DeepInsert(metadata);
        Entity child = deep.read(metadata.entity(nav.target()), JSON.readTree(bytes));
        EntityReference childRef = new EntityReference(metadata.entity(nav.target()).logicalName(), child.id());
        if (!nav.manyToMany() && !key.alternate()) {
            child.set(nav.lookup(), new EntityReference(e.logicalName(), key.id()));
        } else {
            deep.then(new AssociateRequest(key.reference(e), new Relationship(nav.relationship().schemaName()),
                    new EntityReferenceCollection(List.of(childRef))));
        }
        return deep.around(records.written(metadata.entity(nav.target()), RecordKey.of(child.id()), new CreateRequest(child), 201));
    }

    private Operation link(EntityMetadata e, RecordKey key, OrganizationRequest write) {
        return new Operation(List.of(write), responses -> WebApiResponse.empty(204), key.address(e));
    }

    private static void singleValued(NavigationProperties.Navigation nav, String method) {
        if (nav.collection()) {
            throw new FaultException(ErrorCodes.NotSupported, "The navigation property '" + nav.name() + "' is collection-valued: "
                    + method + " …/$ref applies to single-valued ones; use POST …/" + nav.name() + "/$ref or DELETE …/"
                    + nav.name() + "(<id>)/$ref.");
        }
    }

    /** The record an {@code @odata.id} names, which must be of the property's table and named by id. */
    private EntityReference related(NavigationProperties.Navigation nav, String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Matcher m = RECORD_URL.matcher(path.trim());
        if (!m.find()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The @odata.id '" + url + "' is not a record address such as"
                    + " " + metadata.entity(nav.target()).entitySetName() + "(<id>).");
        }
        EntityMetadata target = metadata.entityBySetName(m.group(1));
        if (target == null) throw ResourcePath.notFound(m.group(1));
        if (!target.logicalName().equals(nav.target())) throw wrongTable(nav, target);
        return id(target, RecordKey.parse(target, m.group(2)), nav);
    }

    private FaultException wrongTable(NavigationProperties.Navigation nav, EntityMetadata target) {
        return new FaultException(ErrorCodes.InvalidArgument, "The navigation property '" + nav.name() + "' links "
                + metadata.entity(nav.target()).entitySetName() + ", not " + target.entitySetName() + ".");
    }

    private static EntityReference id(EntityMetadata target, RecordKey key, NavigationProperties.Navigation nav) {
        if (key.alternate()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Name the related record of '" + nav.name() + "' by its id: "
                    + target.entitySetName() + "(<id>).");
        }
        return new EntityReference(target.logicalName(), key.id());
    }

    private String bodyId() {
        byte[] bytes = request.body();
        JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
        JsonNode id = body == null ? null : body.get("@odata.id");
        if (id == null || !id.isString()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A $ref request needs the body {\"@odata.id\":\"<record url>\"}.");
        }
        return id.asString();
    }

    private String queryId() {
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String name = java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            if (name.equals("$id")) return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }
}
