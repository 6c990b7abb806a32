package org.xrm4j.server.messages;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.metadata.SystemEntities;

/**
 * Reads the {@code onetomanyrelationshipmetadata} and {@code manytomanyrelationshipmetadata} Entities of the
 * relationship messages into xrm4j's definitions, with the platform's rules: a custom schema name, existing tables,
 * a cascade configuration of known values, and navigation property names that no other relationship of the same
 * table uses (a name two relationships share could not be told apart in {@code $expand} or {@code @odata.bind}).
 */
final class RelationshipDefinitions {
    private static final String PLAIN = "[A-Za-z_][A-Za-z0-9_]{0,127}";

    private RelationshipDefinitions() {}

    /** A new relationship's schema name, not yet used by any relationship of the organization. */
    static String newSchemaName(OrganizationMetadata metadata, Entity d) {
        String schema = MetadataDefinitions.schemaName(d, "relationship");
        if (metadata.relationships().stream().anyMatch(r -> r.schemaName().equalsIgnoreCase(schema))) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "A relationship named " + schema + " already exists. Choose another SchemaName.");
        }
        return schema;
    }

    /** The lookup column of a new one-to-many relationship, pointing at {@code referenced}. */
    static AttributeMetadata lookup(Entity d, EntityMetadata referencing, EntityMetadata referenced) {
        String schema = MetadataDefinitions.schemaName(d, "lookup column");
        String name = MetadataDefinitions.logicalName(d, "lookup column");
        String type = MetadataDefinitions.text(d, "AttributeType");
        if (type != null && !type.equals("Lookup")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The Lookup of CreateOneToMany must be a lookup column (AttributeType Lookup), not " + type + ".");
        }
        if (referencing.has(name)) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The table " + referencing.logicalName() + " already has a column named "
                    + name + ". Choose another SchemaName for the lookup.");
        }
        return new AttributeMetadata(name, schema, AttributeType.Lookup, MetadataDefinitions.level(d, RequiredLevel.None), 0, null, null, 0,
                List.of(referenced.logicalName()), null, List.of(), true, true, true, false,
                MetadataDefinitions.text(d, "DisplayName"), MetadataDefinitions.text(d, "Description"));
    }

    /** A table a relationship may relate: any table (system or custom) of the organization. */
    static EntityMetadata table(OrganizationMetadata metadata, Entity d, String property) {
        String name = MetadataDefinitions.text(d, property);
        if (name == null) throw new FaultException(ErrorCodes.InvalidArgument, "The relationship needs its " + property + ".");
        return metadata.entity(name.toLowerCase(Locale.ROOT));
    }

    /** The Delete cascade of a CascadeConfiguration ({@code cascadeconfiguration} Entity); RemoveLink when none is given. */
    static CascadeType cascadeDelete(Entity d, CascadeType fallback) {
        String value = cascade(d, "Delete");
        if (value == null) return fallback;
        return switch (value) {
            case "Cascade" -> CascadeType.Cascade;
            case "RemoveLink" -> CascadeType.RemoveLink;
            case "Restrict" -> CascadeType.Restrict;
            default -> throw new FaultException(ErrorCodes.InvalidArgument, "The Delete cascade '" + value
                    + "' is not one of Cascade, RemoveLink, Restrict.");
        };
    }

    /** The Merge cascade: Cascade (the related records move to the merged record) or NoCascade. */
    static CascadeType cascadeMerge(Entity d, CascadeType fallback) {
        String value = cascade(d, "Merge");
        if (value == null) return fallback;
        return switch (value) {
            case "Cascade" -> CascadeType.Cascade;
            case "NoCascade" -> CascadeType.NoCascade;
            default -> throw new FaultException(ErrorCodes.InvalidArgument, "The Merge cascade '" + value + "' is not one of Cascade, NoCascade.");
        };
    }

    /** Assign, Share, Unshare, Reparent and RollupView are accepted with the platform's values; records are not assigned or shared here. */
    static void checkOtherCascades(Entity d) {
        for (String action : List.of("Assign", "Share", "Unshare", "Reparent")) {
            String value = cascade(d, action);
            if (value != null && !Set.of("NoCascade", "Cascade", "Active", "UserOwned").contains(value)) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The " + action + " cascade '" + value
                        + "' is not one of NoCascade, Cascade, Active, UserOwned.");
            }
        }
    }

    private static String cascade(Entity d, String action) {
        if (!(d.get("CascadeConfiguration") instanceof Entity cascade)) return null;
        return MetadataDefinitions.text(cascade, action);
    }

    /** A navigation property name: the given one or the default, a plain identifier free on {@code entity}. */
    static String navigation(OrganizationMetadata metadata, Entity d, String property, String fallback, String entity, String ignoring) {
        String name = MetadataDefinitions.text(d, property);
        if (name == null) name = fallback;
        if (!name.matches(PLAIN)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The " + property + " '" + name + "' is not a plain name (letters, digits, underscores).");
        }
        if (navigationNames(metadata, entity, ignoring).contains(name)) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The table " + entity + " already has a navigation property named " + name
                    + ". Choose another " + property + ".");
        }
        return name;
    }

    /** The navigation property names the relationships of {@code entity} use, except the relationship {@code ignoring}. */
    static Set<String> navigationNames(OrganizationMetadata metadata, String entity, String ignoring) {
        Set<String> names = new HashSet<>();
        for (RelationshipMetadata r : metadata.relationships()) {
            if (r.schemaName().equalsIgnoreCase(ignoring)) continue;
            if (r.kind() == RelationshipMetadata.Kind.ManyToMany) {
                if (entity.equals(r.entity1()) || entity.equals(r.entity2())) names.add(r.schemaName());
            } else {
                if (entity.equals(r.referencingEntity())) names.add(r.referencingNavigation());
                if (entity.equals(r.referencedEntity())) names.add(r.referencedNavigation() != null ? r.referencedNavigation() : r.schemaName());
            }
        }
        return names;
    }

    /**
     * A many-to-many relationship's navigation properties are named by its schema name at both ends (as the
     * platform names them by default); other names are refused rather than ignored.
     */
    static void checkManyToManyNavigation(Entity d, String schemaName) {
        for (String property : List.of("Entity1NavigationPropertyName", "Entity2NavigationPropertyName")) {
            String name = MetadataDefinitions.text(d, property);
            if (name != null && !name.equals(schemaName)) {
                throw new FaultException(ErrorCodes.NotSupported, "The " + property + " of a many-to-many relationship is its SchemaName ("
                        + schemaName + ") on this server, not " + name + ".");
            }
        }
    }

    /** A relationship this organization's customizers made: one of a custom lookup column, or a many-to-many one the platform does not have. */
    static boolean custom(OrganizationMetadata metadata, RelationshipMetadata r) {
        if (r.kind() == RelationshipMetadata.Kind.OneToMany) {
            EntityMetadata referencing = metadata.hasEntity(r.referencingEntity()) ? metadata.entity(r.referencingEntity()) : null;
            AttributeMetadata lookup = referencing == null ? null : referencing.attribute(r.referencingAttribute());
            return lookup != null && lookup.custom();
        }
        return !SystemEntities.isSystemRelationship(r.schemaName());
    }
}
