package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dataverse's EntityKeyMetadata JSON: what {@code EntityDefinitions(…)/Keys} answers, and the body a
 * {@code POST …/Keys} sends, read into the {@code entitykeymetadata} Entity CreateEntityKey takes.
 */
final class KeyJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KeyJson() {}

    static ObjectNode key(EntityMetadata e, EntityKeyMetadata k) {
        ObjectNode o = NODES.objectNode();
        o.put("MetadataId", MetadataIds.key(e.logicalName(), k.logicalName()).toString());
        o.put("LogicalName", k.logicalName());
        o.put("SchemaName", k.schemaNameOrLogical());
        o.put("EntityLogicalName", e.logicalName());
        var attributes = o.putArray("KeyAttributes");
        k.keyAttributes().forEach(attributes::add);
        // The unique index is built with the key, in the same transaction, so a key that exists is always Active.
        o.put("EntityKeyIndexStatus", "Active");
        o.putNull("AsyncJob");
        o.put("IsManaged", false);
        o.put("IsSecondaryKey", false);
        o.put("IsSynchronous", true);
        o.set("DisplayName", MetadataJson.label(k.displayName() != null ? k.displayName() : k.schemaNameOrLogical(),
                "key:" + e.logicalName() + "." + k.logicalName()));
        ObjectNode customizable = o.putObject("IsCustomizable");
        customizable.put("Value", true);
        customizable.put("CanBeChanged", true);
        customizable.put("ManagedPropertyLogicalName", "iscustomizable");
        return o;
    }

    static List<ObjectNode> keys(EntityMetadata e) {
        List<ObjectNode> rows = new ArrayList<>();
        for (EntityKeyMetadata k : e.keys()) rows.add(key(e, k));
        return rows;
    }

    /** The table's key a path names, by LogicalName or MetadataId, or ObjectDoesNotExist. */
    static EntityKeyMetadata find(EntityMetadata e, MetadataPath.Key key) {
        for (EntityKeyMetadata k : e.keys()) {
            if (key.matches(MetadataIds.key(e.logicalName(), k.logicalName()), k.logicalName())) return k;
        }
        throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find a key with the key " + key + " on " + e.logicalName() + ".");
    }

    /** An EntityKeyMetadata body as the {@code entitykeymetadata} Entity of CreateEntityKey. */
    static Entity definition(JsonNode body) {
        Entity d = new Entity("entitykeymetadata");
        for (String name : List.of("SchemaName", "LogicalName")) {
            if (body.hasNonNull(name)) d.set(name, body.get(name).asString());
        }
        JsonNode columns = body.get("KeyAttributes");
        if (columns != null && !columns.isNull()) {
            if (!columns.isArray()) throw new FaultException(ErrorCodes.InvalidArgument, "KeyAttributes must be an array of column logical names.");
            List<String> names = new ArrayList<>();
            for (JsonNode c : columns) names.add(c.asString());
            d.set("KeyAttributes", names);
        }
        String display = MetadataJson.labelText(body.get("DisplayName"));
        if (display != null) d.set("DisplayName", display);
        return d;
    }
}
