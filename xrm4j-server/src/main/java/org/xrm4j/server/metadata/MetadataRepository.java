package org.xrm4j.server.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.xrm4j.server.store.SqlDialect;
import org.xrm4j.server.store.StoreException;

/**
 * Metadata is data: each table and relationship definition is one JSON document in the organization's
 * {@code xrm_entity} / {@code xrm_relationship} / {@code xrm_optionset} tables, written in the same transaction as the DDL it describes.
 */
public final class MetadataRepository {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<AttributeMetadata>> ATTRIBUTES = new TypeReference<>() {};
    private static final TypeReference<List<EntityKeyMetadata>> KEYS = new TypeReference<>() {};

    private final SqlDialect dialect;
    private final String schema;

    public MetadataRepository(SqlDialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    public OrganizationMetadata load(Connection c) {
        List<EntityMetadata> entities = new ArrayList<>();
        List<RelationshipMetadata> relationships = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM " + dialect.table(schema, "xrm_entity"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) entities.add(readEntity(rs.getString(1)));
        } catch (SQLException e) {
            throw new StoreException("Cannot read entity metadata", e);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM " + dialect.table(schema, "xrm_relationship"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) relationships.add(JSON.readValue(rs.getString(1), RelationshipMetadata.class));
        } catch (SQLException e) {
            throw new StoreException("Cannot read relationship metadata", e);
        }
        List<OptionSetMetadata> optionSets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM " + dialect.table(schema, "xrm_optionset"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) optionSets.add(JSON.readValue(rs.getString(1), OptionSetMetadata.class));
        } catch (SQLException e) {
            throw new StoreException("Cannot read option set metadata", e);
        }
        return new OrganizationMetadata(entities, relationships, optionSets);
    }

    public void saveEntity(Connection c, EntityMetadata e) {
        upsert(c, "xrm_entity", "logicalname", e.logicalName(), writeEntity(e));
    }

    public void saveRelationship(Connection c, RelationshipMetadata r) {
        upsert(c, "xrm_relationship", "schemaname", r.schemaName(), JSON.writeValueAsString(r));
    }

    public void saveOptionSet(Connection c, OptionSetMetadata o) {
        upsert(c, "xrm_optionset", "name", o.name(), JSON.writeValueAsString(o));
    }

    public void deleteOptionSet(Connection c, String name) { delete(c, "xrm_optionset", "name", name); }

    public void deleteEntity(Connection c, String logicalName) { delete(c, "xrm_entity", "logicalname", logicalName); }

    public void deleteRelationship(Connection c, String schemaName) { delete(c, "xrm_relationship", "schemaname", schemaName); }

    private void upsert(Connection c, String table, String key, String id, String json) {
        delete(c, table, key, id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.table(schema, table) + " (" + key + ", definition) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save metadata " + id, e);
        }
    }

    private void delete(Connection c, String table, String key, String id) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + dialect.table(schema, table) + " WHERE " + key + " = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot delete metadata " + id, e);
        }
    }

    static String writeEntity(EntityMetadata e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("logicalName", e.logicalName());
        n.put("schemaName", e.schemaName());
        n.put("entitySetName", e.entitySetName());
        n.put("primaryIdAttribute", e.primaryIdAttribute());
        n.put("primaryNameAttribute", e.primaryNameAttribute());
        n.put("ownershipType", e.ownershipType().name());
        n.put("activity", e.activity());
        n.put("custom", e.custom());
        n.set("attributes", JSON.valueToTree(new ArrayList<>(e.attributes().values())));
        n.put("displayName", e.labels().displayName());
        n.put("displayCollectionName", e.labels().displayCollectionName());
        n.put("description", e.labels().description());
        n.put("objectTypeCode", e.objectTypeCode());
        if (!e.keys().isEmpty()) n.set("keys", JSON.valueToTree(e.keys()));
        return JSON.writeValueAsString(n);
    }

    static EntityMetadata readEntity(String json) {
        JsonNode n = JSON.readTree(json);
        List<AttributeMetadata> attributes = JSON.convertValue(n.get("attributes"), ATTRIBUTES);
        return new EntityMetadata(n.get("logicalName").asString(), n.get("schemaName").asString(),
                n.get("entitySetName").asString(), n.get("primaryIdAttribute").asString(),
                n.get("primaryNameAttribute").isNull() ? null : n.get("primaryNameAttribute").asString(),
                OwnershipType.valueOf(n.get("ownershipType").asString()), n.get("activity").asBoolean(),
                n.get("custom").asBoolean(), attributes, new EntityMetadata.Labels(text(n, "displayName"),
                text(n, "displayCollectionName"), text(n, "description")),
                n.has("objectTypeCode") ? n.get("objectTypeCode").asInt() : 0,
                n.has("keys") ? JSON.convertValue(n.get("keys"), KEYS) : List.of());
    }

    /** An optional property: definitions written before it existed do not have it. */
    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
