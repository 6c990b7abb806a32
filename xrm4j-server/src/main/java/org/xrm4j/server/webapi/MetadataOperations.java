package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads of the Web API's metadata: {@code EntityDefinitions} (all, or one by LogicalName or MetadataId, with
 * {@code $expand=Attributes(…)}, {@code Keys} and the relationship collections), a table's {@code Attributes} (all, cast to one
 * derived type, or one), its alternate {@code Keys} (all or one), {@code RelationshipDefinitions} and {@code GlobalOptionSetDefinitions}. The answers come
 * from the organization's metadata snapshot of this request; any authenticated caller may read them, as on the
 * platform. Writes are {@link MetadataWrites}.
 */
final class MetadataOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    MetadataOperations(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /**
     * The read as an operation without engine requests: its answer is made now, from the snapshot this request
     * started with (inside a {@code $batch}, the metadata as it was when the batch was planned).
     */
    Operation plan(MetadataPath path) {
        MetadataQuery q = MetadataQuery.parse(request.rawQuery());
        WebApiResponse answer = switch (path.set()) {
            case "EntityDefinitions" -> readEntities(path, q);
            case "RelationshipDefinitions" -> readRelationships(path, q);
            default -> readOptionSets(path, q);
        };
        return new Operation(List.of(), responses -> answer, null);
    }

    private WebApiResponse readEntities(MetadataPath path, MetadataQuery q) {
        if (path.key() == null) {
            if (path.navigation() != null || path.cast() != null) throw ResourcePath.notFound(path.navigation() != null ? path.navigation() : path.cast());
            List<ObjectNode> all = new ArrayList<>();
            for (EntityMetadata e : metadata.entities()) {
                ObjectNode o = entity(e, q);
                if (q.matches(o)) all.add(q.project(o));
            }
            return collection("EntityDefinitions" + q.contextSelection(), all);
        }
        EntityMetadata e = entity(metadata, path.key());
        if (path.navigation() == null) {
            if (path.cast() != null) throw ResourcePath.notFound(MetadataJson.NS + path.cast());
            return single("EntityDefinitions" + q.contextSelection() + "/$entity", q.project(entity(e, q)));
        }
        String context = "EntityDefinitions(" + MetadataIds.entity(e.logicalName()) + ")/" + path.navigation()
                + (path.cast() == null ? "" : "/" + MetadataJson.NS + path.cast());
        switch (path.navigation()) {
            case "Attributes" -> {
                if (path.navigationKey() == null) {
                    return collection(context, attributes(e, path.cast(), q));
                } else {
                    AttributeMetadata a = attribute(e, path.navigationKey());
                    if (path.cast() != null && !MetadataJson.typeName(a.type()).equals(path.cast())) {
                        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The column " + a.logicalName() + " of " + e.logicalName()
                                + " is a " + MetadataJson.typeName(a.type()) + ", not a " + path.cast() + ".");
                    }
                    return single(context + "/$entity", q.project(MetadataJson.attribute(e, a, optionSets(q))));
                }
            }
            case "Keys" -> {
                if (path.cast() != null) throw ResourcePath.notFound(MetadataJson.NS + path.cast());
                if (path.navigationKey() != null) return single(context + "/$entity", q.project(KeyJson.key(e, KeyJson.find(e, path.navigationKey()))));
                List<ObjectNode> rows = new ArrayList<>();
                for (ObjectNode k : KeyJson.keys(e)) if (q.matches(k)) rows.add(q.project(k));
                return collection(context, rows);
            }
            default -> {
                if (path.navigationKey() != null) throw ResourcePath.notFound(path.navigation() + "(" + path.navigationKey() + ")");
                List<ObjectNode> rows = new ArrayList<>();
                for (RelationshipMetadata r : relationshipsOf(e, path.navigation())) {
                    ObjectNode o = MetadataJson.relationship(r, custom(r));
                    if (q.matches(o)) rows.add(q.project(o));
                }
                return collection(context, rows);
            }
        }
    }

    /** A table with the expansions the query asks for. */
    private ObjectNode entity(EntityMetadata e, MetadataQuery q) {
        ObjectNode o = MetadataJson.entity(e);
        for (String navigation : q.expand().keySet()) {
            MetadataQuery nested = q.expanded(navigation);
            ArrayNode items = NODES.arrayNode();
            switch (navigation) {
                case "Attributes" -> attributes(e, null, nested).forEach(items::add);
                case "ManyToOneRelationships", "OneToManyRelationships", "ManyToManyRelationships" -> {
                    for (RelationshipMetadata r : relationshipsOf(e, navigation)) {
                        ObjectNode rel = MetadataJson.relationship(r, custom(r));
                        if (nested.matches(rel)) items.add(nested.project(rel));
                    }
                }
                case "Keys" -> {
                    for (ObjectNode k : KeyJson.keys(e)) if (nested.matches(k)) items.add(nested.project(k));
                }
                default -> throw new FaultException(ErrorCodes.InvalidArgument, "Could not find a property named '" + navigation
                        + "' on type 'Microsoft.Dynamics.CRM.EntityMetadata' to expand.");
            }
            o.set(navigation, items);
        }
        return o;
    }

    private List<ObjectNode> attributes(EntityMetadata e, String cast, MetadataQuery q) {
        List<ObjectNode> rows = new ArrayList<>();
        for (AttributeMetadata a : e.attributes().values()) {
            if (cast != null && !MetadataJson.typeName(a.type()).equals(cast)) continue;
            ObjectNode o = MetadataJson.attribute(e, a, optionSets(q));
            if (q.matches(o)) rows.add(q.project(o));
        }
        if (cast != null && rows.isEmpty() && !MetadataJson.attributeTypeNames().contains(cast)) {
            throw ResourcePath.notFound(MetadataJson.NS + cast);
        }
        return rows;
    }

    /**
     * The option set of a choice column comes with the column unless a $select leaves it out; {@code $expand=OptionSet}
     * (as the platform needs it) brings it back.
     */
    private static boolean optionSets(MetadataQuery q) {
        return q.select() == null || q.expands("OptionSet") || q.expands("GlobalOptionSet");
    }

    /** Made by a custom lookup column, or a many-to-many relationship the platform does not have. */
    private boolean custom(RelationshipMetadata r) {
        if (r.kind() == RelationshipMetadata.Kind.OneToMany) {
            EntityMetadata referencing = metadata.hasEntity(r.referencingEntity()) ? metadata.entity(r.referencingEntity()) : null;
            AttributeMetadata lookup = referencing == null ? null : referencing.attribute(r.referencingAttribute());
            return lookup != null && lookup.custom();
        }
        return !org.xrm4j.server.metadata.SystemEntities.isSystemRelationship(r.schemaName());
    }

    private List<RelationshipMetadata> relationshipsOf(EntityMetadata e, String navigation) {
        List<RelationshipMetadata> rows = new ArrayList<>();
        for (RelationshipMetadata r : metadata.relationships()) {
            boolean oneToMany = r.kind() == RelationshipMetadata.Kind.OneToMany;
            boolean include = switch (navigation) {
                case "ManyToOneRelationships" -> oneToMany && e.logicalName().equals(r.referencingEntity());
                case "OneToManyRelationships" -> oneToMany && e.logicalName().equals(r.referencedEntity());
                default -> !oneToMany && (e.logicalName().equals(r.entity1()) || e.logicalName().equals(r.entity2()));
            };
            if (include) rows.add(r);
        }
        return rows;
    }

    private WebApiResponse readRelationships(MetadataPath path, MetadataQuery q) {
        if (path.navigation() != null) throw ResourcePath.notFound(path.navigation());
        String type = path.cast();
        if (type != null && !type.equals("OneToManyRelationshipMetadata") && !type.equals("ManyToManyRelationshipMetadata")) {
            throw ResourcePath.notFound(MetadataJson.NS + type);
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (RelationshipMetadata r : metadata.relationships()) {
            ObjectNode o = MetadataJson.relationship(r, custom(r));
            if (type != null && !o.get("@odata.type").asString().endsWith(type)) continue;
            if (path.key() != null) {
                if (path.key().matches(MetadataIds.relationship(r.schemaName()), r.schemaName())) {
                    return single("RelationshipDefinitions" + q.contextSelection() + "/$entity", q.project(o));
                }
            } else if (q.matches(o)) {
                rows.add(q.project(o));
            }
        }
        if (path.key() != null) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find a relationship with the key " + path.key() + ".");
        }
        return collection("RelationshipDefinitions" + q.contextSelection(), rows);
    }

    /** The global option sets: those CreateOptionSet defined, and those columns share from a solution's global option sets. */
    private WebApiResponse readOptionSets(MetadataPath path, MetadataQuery q) {
        if (path.navigation() != null) throw ResourcePath.notFound(path.navigation());
        Map<String, ObjectNode> sets = new LinkedHashMap<>();
        for (org.xrm4j.server.metadata.OptionSetMetadata o : metadata.optionSets()) sets.put(o.name(), MetadataJson.optionSet(o));
        for (EntityMetadata e : metadata.entities()) {
            for (AttributeMetadata a : e.attributes().values()) {
                if (a.type().isChoice() && MetadataJson.isGlobal(e, a)) sets.putIfAbsent(a.optionSetName(), MetadataJson.optionSet(e, a));
            }
        }
        if (path.key() != null) {
            for (Map.Entry<String, ObjectNode> s : sets.entrySet()) {
                if (path.key().matches(MetadataIds.optionSet(s.getKey()), s.getKey())) {
                    return single("GlobalOptionSetDefinitions" + q.contextSelection() + "/$entity", q.project(s.getValue()));
                }
            }
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find an option set with the key " + path.key() + ".");
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode o : sets.values()) if (q.matches(o)) rows.add(q.project(o));
        return collection("GlobalOptionSetDefinitions" + q.contextSelection(), rows);
    }

    /** The table a key names, or ObjectDoesNotExist. */
    static EntityMetadata entity(OrganizationMetadata metadata, MetadataPath.Key key) {
        for (EntityMetadata e : metadata.entities()) {
            if (key.matches(MetadataIds.entity(e.logicalName()), e.logicalName())) return e;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find an entity with the key " + key + ".");
    }

    static AttributeMetadata attribute(EntityMetadata e, MetadataPath.Key key) {
        for (AttributeMetadata a : e.attributes().values()) {
            if (key.matches(MetadataIds.attribute(e.logicalName(), a.logicalName()), a.logicalName())) return a;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find an attribute with the key " + key + " on " + e.logicalName() + ".");
    }

    /** A collection of definitions, already filtered and projected. */
    private WebApiResponse collection(String context, List<ObjectNode> rows) {
        ObjectNode o = NODES.objectNode();
        o.put("@odata.context", base + "$metadata#" + context);
        ArrayNode value = o.putArray("value");
        rows.forEach(value::add);
        return WebApiResponse.json(200, o.toString());
    }

    private WebApiResponse single(String context, ObjectNode row) {
        ObjectNode o = NODES.objectNode();
        o.put("@odata.context", base + "$metadata#" + context);
        o.setAll(row);
        return WebApiResponse.json(200, o.toString());
    }
}
