package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.server.engine.Ids;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deep insert: a new record whose body holds new related records under navigation properties, a single-valued one
 * as an object ({@code "primarycontactid":{…}}) and a collection-valued one as an array
 * ({@code "contact_customer_accounts":[{…}]}), to any depth. Each record becomes a Create with an id chosen here: a
 * record behind a single-valued property is created first and the parent's lookup points at it; the records of a
 * one-to-many collection are created after the parent with their lookup pointing back, those of a many-to-many one
 * are created and then associated. The operation is atomic: alone or in a {@code $batch} it runs in one transaction,
 * so either every record exists afterwards or none does.
 */
final class DeepInsert {
    private final OrganizationMetadata metadata;
    private final List<OrganizationRequest> before = new ArrayList<>();
    private final List<OrganizationRequest> after = new ArrayList<>();

    DeepInsert(OrganizationMetadata metadata) { this.metadata = metadata; }

    /** The top record of the body, with its id; the nested records' requests are kept for {@link #around}. */
    Entity read(EntityMetadata e, JsonNode body) { return record(e, body, null, null); }

    /** A request to run after the records of the body, in the same transaction. */
    void then(OrganizationRequest request) { after.add(request); }

    /** The top record's operation with the nested records' requests around its Create, all in one transaction. */
    Operation around(Operation create) {
        if (before.isEmpty() && after.isEmpty()) return create;
        List<OrganizationRequest> requests = new ArrayList<>(before);
        requests.add(create.requests().getFirst());
        requests.addAll(after);
        List<OrganizationRequest> rest = create.requests().subList(1, create.requests().size());
        requests.addAll(rest);
        int own = before.size();
        int restStart = before.size() + 1 + after.size();
        return new Operation(requests, responses -> {
            List<OrganizationResponse> mine = new ArrayList<>();
            mine.add(responses.get(own));
            mine.addAll(responses.subList(restStart, responses.size()));
            return create.answer().apply(mine);
        }, create.address()).atomically();
    }

    /**
     * One record of the body. A nested record adds to {@code out} what creates it: the records its single-valued
     * properties hold, itself, then its collections; for the top record ({@code out} null) the caller makes its
     * Create. {@code parentLink} is the lookup to set on it when it hangs under a one-to-many collection.
     */
    private Entity record(EntityMetadata e, JsonNode body, Map.Entry<String, EntityReference> parentLink, List<OrganizationRequest> out) {
        List<OrganizationRequest> first = out == null ? before : new ArrayList<>();
        List<OrganizationRequest> then = out == null ? after : new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A record of " + e.logicalName() + " must be a JSON object.");
        }
        // Most records hold no related records: the body is then read as it is, without a copy.
        ObjectNode plain = (ObjectNode) body;
        List<Map.Entry<NavigationProperties.Navigation, JsonNode>> nested = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : body.properties()) {
            JsonNode v = p.getValue();
            if (p.getKey().contains("@") || !(v.isObject() || v.isArray())) continue;
            NavigationProperties.Navigation n = NavigationProperties.of(metadata).find(e.logicalName(), p.getKey());
            if (n == null) continue; // the record reader answers for an unknown property
            if (n.collection() != v.isArray()) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The navigation property '" + p.getKey() + "' is "
                        + (n.collection() ? "collection-valued: its records come as a JSON array." : "single-valued: its record comes as a JSON object."));
            }
            nested.add(Map.entry(n, v));
        }
        if (!nested.isEmpty()) {
            plain = plain.deepCopy();
            for (Map.Entry<NavigationProperties.Navigation, JsonNode> entry : nested) plain.remove(entry.getKey().name());
        }
        Entity record = new RecordReader(metadata, e).read(plain, null);
        if (record.id() == null) record.id(Ids.next());
        if (parentLink != null) record.set(parentLink.getKey(), parentLink.getValue());
        EntityReference self = new EntityReference(e.logicalName(), record.id());
        for (Map.Entry<NavigationProperties.Navigation, JsonNode> entry : nested) {
            NavigationProperties.Navigation n = entry.getKey();
            if (!n.collection()) {
                Entity child = record(metadata.entity(n.target()), entry.getValue(), null, first);
                record.set(n.lookup(), new EntityReference(metadata.entity(n.target()).logicalName(), child.id()));
                continue;
            }
            for (JsonNode element : entry.getValue()) {
                if (n.manyToMany()) {
                    Entity child = record(metadata.entity(n.target()), element, null, then);
                    then.add(new AssociateRequest(self, new Relationship(n.relationship().schemaName()),
                            new EntityReferenceCollection(List.of(new EntityReference(metadata.entity(n.target()).logicalName(), child.id())))));
                } else {
                    record(metadata.entity(n.target()), element, Map.entry(n.lookup(), self), then);
                }
            }
        }
        if (out != null) {
            out.addAll(first);
            out.add(new CreateRequest(record));
            out.addAll(then);
        }
        return record;
    }
}
