package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateAttributeResponse;
import org.xrm4j.sdk.messages.CreateEntityRequest;
import org.xrm4j.sdk.messages.CreateEntityResponse;
import org.xrm4j.sdk.messages.UpdateAttributeRequest;
import org.xrm4j.sdk.messages.UpdateEntityRequest;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata writes of the Web API, each the SDK message of the same meaning run by the engine:
 * {@code POST EntityDefinitions} is CreateEntity (its {@code Attributes} must hold the primary name column, marked
 * {@code IsPrimaryName}; further columns come along in the same unit of work), {@code POST …/Attributes} is
 * CreateAttribute, and {@code PUT} of a table or column (with {@code If-Match: *}, as clients send it) is
 * UpdateEntity or UpdateAttribute, planned here and run by the caller. The JSON's EntityMetadata/AttributeMetadata properties become the
 * {@code entitymetadata}/{@code attributemetadata} Entities those messages take; a choice column's
 * {@code GlobalOptionSet@odata.bind} becomes the OptionSetName of the global option set it names.
 */
final class MetadataWrites {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    MetadataWrites(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    Operation create(MetadataPath path) {
        if (!path.set().equals("EntityDefinitions") || path.navigationKey() != null || path.cast() != null
                || (path.key() == null) != (path.navigation() == null)
                || (path.navigation() != null && !path.navigation().equals("Attributes"))) {
            throw notAllowed("POST");
        }
        JsonNode body = body();
        if (path.key() == null) {
            return Operation.of(createEntity(body), r -> WebApiResponse.empty(204)
                    .header("OData-EntityId", base + "EntityDefinitions(" + ((CreateEntityResponse) r).entityId() + ")"));
        }
        EntityMetadata e = MetadataOperations.entity(metadata, path.key());
        return Operation.of(new CreateAttributeRequest().entityName(e.logicalName()).attribute(attribute(body)),
                r -> WebApiResponse.empty(204).header("OData-EntityId", base + "EntityDefinitions(" + MetadataIds.entity(e.logicalName())
                        + ")/Attributes(" + ((CreateAttributeResponse) r).attributeId() + ")"));
    }

    Operation update(MetadataPath path) {
        if (!path.set().equals("EntityDefinitions") || path.key() == null
                || (path.navigation() != null && (!path.navigation().equals("Attributes") || path.navigationKey() == null))) {
            throw notAllowed("PUT");
        }
        JsonNode body = body();
        EntityMetadata e = MetadataOperations.entity(metadata, path.key());
        boolean merge = "true".equalsIgnoreCase(request.header("MSCRM.MergeLabels"));
        if (path.navigation() == null) {
            Entity d = new Entity("entitymetadata").set("LogicalName", e.logicalName());
            labels(body, d, "DisplayName", "DisplayCollectionName", "Description");
            return Operation.of(new UpdateEntityRequest().entity(d).mergeLabels(merge), r -> WebApiResponse.empty(204));
        }
        AttributeMetadata a = MetadataOperations.attribute(e, path.navigationKey());
        Entity d = attribute(body).set("LogicalName", a.logicalName());
        // A client PUTs the definition it read back: only what it says itself counts, not the type its @odata.type implies.
        d.attributes().remove("SchemaName");
        if (!body.has("AttributeType")) d.attributes().remove("AttributeType");
        return Operation.of(new UpdateAttributeRequest().entityName(e.logicalName()).attribute(d).mergeLabels(merge), r -> WebApiResponse.empty(204));
    }

    private CreateEntityRequest createEntity(JsonNode body) {
        Entity d = new Entity("entitymetadata");
        copy(body, d, "SchemaName", "LogicalName", "EntitySetName", "OwnershipType");
        labels(body, d, "DisplayName", "DisplayCollectionName", "Description");
        Entity primary = null;
        List<Entity> more = new ArrayList<>();
        JsonNode attributes = body.get("Attributes");
        if (attributes != null && attributes.isArray()) {
            for (JsonNode a : attributes) {
                if (a.path("IsPrimaryName").asBoolean(false) && primary == null) primary = attribute(a);
                else more.add(attribute(a));
            }
        }
        if (primary == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A new table needs its primary name column: put a StringAttributeMetadata"
                    + " with \"IsPrimaryName\": true in Attributes.");
        }
        if (!more.isEmpty()) d.set("Attributes", new EntityCollection(more).entityName("attributemetadata"));
        return new CreateEntityRequest().entity(d).primaryAttribute(primary)
                .hasActivities(body.path("HasActivities").asBoolean(false)).hasNotes(body.path("HasNotes").asBoolean(false));
    }

    /** An AttributeMetadata body as an {@code attributemetadata} Entity; the type comes from AttributeType or {@code @odata.type}. */
    private Entity attribute(JsonNode a) {
        if (!a.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "A column definition must be a JSON object.");
        Entity d = new Entity("attributemetadata");
        copy(a, d, "SchemaName", "LogicalName", "AttributeType", "MaxLength", "MinValue", "MaxValue", "Precision", "MaxSizeInKB");
        if (a.path("CanStoreFullImage").isBoolean()) d.set("CanStoreFullImage", a.get("CanStoreFullImage").asBoolean());
        if (!d.contains("AttributeType") && a.hasNonNull("@odata.type")) d.set("AttributeType", typeOf(a.get("@odata.type").asString()));
        if (a.path("RequiredLevel").hasNonNull("Value")) d.set("RequiredLevel", a.get("RequiredLevel").get("Value").asString());
        labels(a, d, "DisplayName", "Description");
        JsonNode options = a.path("OptionSet").path("Options");
        if (options.isArray()) {
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
        if (a.path("OptionSet").hasNonNull("Name")) d.set("OptionSetName", a.get("OptionSet").get("Name").asString());
        if (a.hasNonNull("GlobalOptionSet@odata.bind")) {
            d.set("OptionSetName", DefinitionWrites.boundOptionSet(metadata, a.get("GlobalOptionSet@odata.bind").asString()));
        }
        return d;
    }

    /** {@code Microsoft.Dynamics.CRM.StringAttributeMetadata} → {@code String}, as the type names pair up. */
    private static String typeOf(String odataType) {
        String t = odataType.startsWith("#") ? odataType.substring(1) : odataType;
        if (t.startsWith(MetadataJson.NS)) t = t.substring(MetadataJson.NS.length());
        for (org.xrm4j.server.metadata.AttributeType type : org.xrm4j.server.metadata.AttributeType.values()) {
            if (MetadataJson.typeName(type).equals(t) && !type.isLookup()) return type.name();
        }
        if (t.equals("LookupAttributeMetadata")) return "Lookup";
        throw new FaultException(ErrorCodes.InvalidArgument, "The @odata.type '" + odataType + "' is not a column type this server creates.");
    }

    private static void copy(JsonNode from, Entity to, String... names) {
        for (String name : names) {
            JsonNode v = from.get(name);
            if (v == null || v.isNull()) continue;
            if (v.isIntegralNumber() && v.canConvertToInt()) to.set(name, v.asInt());
            else if (v.isNumber()) to.set(name, v.asDouble());
            else if (v.isString()) to.set(name, v.asString());
            else throw new FaultException(ErrorCodes.InvalidArgument, "The property '" + name + "' must be a string or a number.");
        }
    }

    private static void labels(JsonNode from, Entity to, String... names) {
        for (String name : names) {
            String text = MetadataJson.labelText(from.get(name));
            if (text != null) to.set(name, text);
        }
    }

    private FaultException notAllowed(String method) {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + method + "' is not allowed on this metadata resource:"
                + " POST EntityDefinitions or EntityDefinitions(<key>)/Attributes creates, PUT EntityDefinitions(<key>)[/Attributes(<key>)] updates.");
    }

    private JsonNode body() {
        byte[] bytes = request.body();
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        JsonNode node = JSON.readTree(bytes);
        if (!node.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "The request body must be a JSON object.");
        return node;
    }
}
