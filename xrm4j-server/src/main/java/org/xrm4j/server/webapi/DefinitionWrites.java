package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CreateManyToManyRequest;
import org.xrm4j.sdk.messages.CreateManyToManyResponse;
import org.xrm4j.sdk.messages.CreateOneToManyRequest;
import org.xrm4j.sdk.messages.CreateOneToManyResponse;
import org.xrm4j.sdk.messages.CreateOptionSetRequest;
import org.xrm4j.sdk.messages.CreateOptionSetResponse;
import org.xrm4j.sdk.messages.DeleteOptionSetRequest;
import org.xrm4j.sdk.messages.DeleteRelationshipRequest;
import org.xrm4j.sdk.messages.UpdateOptionSetRequest;
import org.xrm4j.sdk.messages.UpdateRelationshipRequest;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writes of {@code RelationshipDefinitions} and {@code GlobalOptionSetDefinitions}, each the SDK message of the
 * same meaning: {@code POST RelationshipDefinitions} is CreateOneToMany (a OneToManyRelationshipMetadata with its
 * {@code Lookup}) or CreateManyToMany (by {@code @odata.type}), {@code PUT RelationshipDefinitions(…)} UpdateRelationship,
 * {@code DELETE} DeleteRelationship; {@code POST GlobalOptionSetDefinitions} is CreateOptionSet, {@code PUT}
 * UpdateOptionSet and {@code DELETE} DeleteOptionSet. Definitions are named by MetadataId, {@code SchemaName='x'}
 * or {@code Name='x'}, resolved here against the request's metadata snapshot.
 */
final class DefinitionWrites {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    DefinitionWrites(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** Whether {@code path} is a write this class plans: any method but GET on the two definition sets. */
    static boolean writes(String method, MetadataPath path) {
        return !method.equals("GET") && (path.set().equals("RelationshipDefinitions") || path.set().equals("GlobalOptionSetDefinitions"));
    }

    Operation plan(MetadataPath path) {
        if (path.navigation() != null || (path.cast() != null && !request.method().equals("PUT"))) throw notAllowed();
        boolean relationships = path.set().equals("RelationshipDefinitions");
        return switch (request.method()) {
            case "POST" -> {
                if (path.key() != null) throw notAllowed();
                yield relationships ? createRelationship(body()) : createOptionSet(body());
            }
            case "PUT" -> {
                if (path.key() == null) throw notAllowed();
                yield relationships ? updateRelationship(relationship(path.key()), body()) : updateOptionSet(optionSet(path.key()), body());
            }
            case "DELETE" -> {
                if (path.key() == null) throw notAllowed();
                yield relationships
                        ? Operation.of(new DeleteRelationshipRequest().name(relationship(path.key()).schemaName()), r -> WebApiResponse.empty(204))
                        : Operation.of(new DeleteOptionSetRequest().name(optionSet(path.key()).name()), r -> WebApiResponse.empty(204));
            }
            default -> throw notAllowed();
        };
    }

    private Operation createRelationship(JsonNode body) {
        String type = body.path("@odata.type").asString("");
        if (type.startsWith("#")) type = type.substring(1);
        if (type.equals(MetadataJson.NS + "ManyToManyRelationshipMetadata") || (type.isEmpty() && body.has("Entity1LogicalName"))) {
            CreateManyToManyRequest create = new CreateManyToManyRequest().manyToManyRelationship(manyToMany(body));
            solution(create);
            return Operation.of(create, r -> created("RelationshipDefinitions", ((CreateManyToManyResponse) r).manyToManyRelationshipId()));
        }
        if (!type.equals(MetadataJson.NS + "OneToManyRelationshipMetadata") && !(type.isEmpty() && body.has("ReferencedEntity"))) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A relationship needs its @odata.type: Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"
                    + " (with a Lookup) or Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata.");
        }
        JsonNode lookup = body.get("Lookup");
        if (lookup == null || !lookup.isObject()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A OneToManyRelationshipMetadata needs its Lookup: the LookupAttributeMetadata"
                    + " of the column to create on the referencing table.");
        }
        Entity column = new Entity("attributemetadata");
        copy(lookup, column, "SchemaName", "LogicalName", "AttributeType");
        if (lookup.path("RequiredLevel").hasNonNull("Value")) column.set("RequiredLevel", lookup.get("RequiredLevel").get("Value").asString());
        labels(lookup, column, "DisplayName", "Description");
        CreateOneToManyRequest create = new CreateOneToManyRequest().oneToManyRelationship(oneToMany(body)).lookup(column);
        solution(create);
        return Operation.of(create, r -> created("RelationshipDefinitions", ((CreateOneToManyResponse) r).relationshipId()));
    }

    private Operation updateRelationship(RelationshipMetadata current, JsonNode body) {
        Entity d = current.kind() == RelationshipMetadata.Kind.OneToMany ? oneToMany(body) : manyToMany(body);
        // The addressed relationship is the one to change, whatever name the body carries.
        d.set("SchemaName", current.schemaName());
        boolean merge = "true".equalsIgnoreCase(request.header("MSCRM.MergeLabels"));
        return Operation.of(new UpdateRelationshipRequest().relationship(d).mergeLabels(merge), r -> WebApiResponse.empty(204));
    }

    private static Entity oneToMany(JsonNode body) {
        Entity d = new Entity("onetomanyrelationshipmetadata");
        copy(body, d, "SchemaName", "ReferencedEntity", "ReferencedAttribute", "ReferencingEntity", "ReferencingAttribute",
                "ReferencedEntityNavigationPropertyName", "ReferencingEntityNavigationPropertyName");
        JsonNode cascade = body.get("CascadeConfiguration");
        if (cascade != null && cascade.isObject()) {
            Entity c = new Entity("cascadeconfiguration");
            copy(cascade, c, "Assign", "Delete", "Merge", "Reparent", "Share", "Unshare");
            d.set("CascadeConfiguration", c);
        }
        return d;
    }

    private static Entity manyToMany(JsonNode body) {
        Entity d = new Entity("manytomanyrelationshipmetadata");
        copy(body, d, "SchemaName", "Entity1LogicalName", "Entity2LogicalName", "IntersectEntityName",
                "Entity1NavigationPropertyName", "Entity2NavigationPropertyName");
        return d;
    }

    private Operation createOptionSet(JsonNode body) {
        Entity d = new Entity("optionsetmetadata");
        copy(body, d, "Name", "OptionSetType");
        if (body.hasNonNull("IsGlobal")) d.set("IsGlobal", body.get("IsGlobal").asBoolean());
        labels(body, d, "DisplayName", "Description");
        JsonNode options = body.get("Options");
        if (options != null && options.isArray()) {
            List<Entity> list = new ArrayList<>();
            for (JsonNode o : options) {
                Entity option = new Entity("optionmetadata");
                if (o.hasNonNull("Value")) option.set("Value", o.get("Value").asInt());
                String label = MetadataJson.labelText(o.get("Label"));
                if (label != null) option.set("Label", label);
                list.add(option);
            }
            d.set("Options", new EntityCollection(list).entityName("optionmetadata"));
        }
        CreateOptionSetRequest create = new CreateOptionSetRequest().optionSet(d);
        solution(create);
        return Operation.of(create, r -> created("GlobalOptionSetDefinitions", ((CreateOptionSetResponse) r).optionSetId()));
    }

    private Operation updateOptionSet(OptionSetMetadata current, JsonNode body) {
        Entity d = new Entity("optionsetmetadata").set("Name", current.name());
        labels(body, d, "DisplayName", "Description");
        boolean merge = "true".equalsIgnoreCase(request.header("MSCRM.MergeLabels"));
        return Operation.of(new UpdateOptionSetRequest().optionSet(d).mergeLabels(merge), r -> WebApiResponse.empty(204));
    }

    private RelationshipMetadata relationship(MetadataPath.Key key) {
        for (RelationshipMetadata r : metadata.relationships()) {
            if (key.matches(MetadataIds.relationship(r.schemaName()), r.schemaName())) return r;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find a relationship with the key " + key + ".");
    }

    private OptionSetMetadata optionSet(MetadataPath.Key key) {
        for (OptionSetMetadata o : metadata.optionSets()) {
            if (key.matches(MetadataIds.optionSet(o.name()), o.name())) return o;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find a global option set with the key " + key + ".");
    }

    /**
     * The global option set a {@code GlobalOptionSet@odata.bind} names: {@code /GlobalOptionSetDefinitions(<MetadataId>)}
     * or {@code (Name='x')}, with or without the service root before it.
     */
    static String boundOptionSet(OrganizationMetadata metadata, String bind) {
        int at = bind.indexOf("GlobalOptionSetDefinitions(");
        if (at < 0 || !bind.endsWith(")")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "GlobalOptionSet@odata.bind must name a global option set, such as"
                    + " /GlobalOptionSetDefinitions(<MetadataId>), not " + bind + ".");
        }
        MetadataPath path = MetadataPath.parse(bind.substring(at));
        for (OptionSetMetadata o : metadata.optionSets()) {
            if (path.key().matches(MetadataIds.optionSet(o.name()), o.name())) return o.name();
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find a global option set with the key " + path.key() + ".");
    }

    private void solution(org.xrm4j.sdk.OrganizationRequest create) {
        String solution = request.header("MSCRM.SolutionUniqueName");
        if (solution != null) create.set("SolutionUniqueName", solution);
    }

    private WebApiResponse created(String set, java.util.UUID id) {
        return WebApiResponse.empty(204).header("OData-EntityId", base + set + "(" + id + ")");
    }

    private static void copy(JsonNode from, Entity to, String... names) {
        for (String name : names) {
            JsonNode v = from.get(name);
            if (v == null || v.isNull()) continue;
            if (!v.isString()) throw new FaultException(ErrorCodes.InvalidArgument, "The property '" + name + "' must be a string.");
            to.set(name, v.asString());
        }
    }

    private static void labels(JsonNode from, Entity to, String... names) {
        for (String name : names) {
            String text = MetadataJson.labelText(from.get(name));
            if (text != null) to.set(name, text);
        }
    }

    private JsonNode body() {
        byte[] bytes = request.body();
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        JsonNode node = JSON.readTree(bytes);
        if (!node.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "The request body must be a JSON object.");
        return node;
    }

    private FaultException notAllowed() {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.method() + "' is not allowed on this metadata resource:"
                + " POST RelationshipDefinitions or GlobalOptionSetDefinitions creates, PUT and DELETE RelationshipDefinitions(<key>)"
                + " or GlobalOptionSetDefinitions(<key>) change and delete.");
    }
}
