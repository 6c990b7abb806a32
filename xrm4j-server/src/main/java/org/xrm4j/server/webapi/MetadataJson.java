package org.xrm4j.server.webapi;

import java.util.List;
import java.util.UUID;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.ObjectTypeCodes;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Table, column, relationship and option-set definitions in the Web API's metadata JSON: EntityMetadata,
 * AttributeMetadata (with the {@code @odata.type} of its derived type, e.g.
 * {@code #Microsoft.Dynamics.CRM.StringAttributeMetadata}), OneToMany/ManyToManyRelationshipMetadata and
 * OptionSetMetadata, with their property names, label objects ({@code LocalizedLabels}, {@code UserLocalizedLabel})
 * and managed-property objects ({@code {"Value":…}}). Labels are in language 1033; a definition without a display
 * name shows its schema name.
 */
final class MetadataJson {
    static final String NS = "Microsoft.Dynamics.CRM.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int LANGUAGE = 1033;

    private MetadataJson() {}

    static ObjectNode entity(EntityMetadata e) {
        ObjectNode o = NODES.objectNode();
        o.put("MetadataId", MetadataIds.entity(e.logicalName()).toString());
        o.put("LogicalName", e.logicalName());
        o.put("SchemaName", e.schemaName());
        o.put("EntitySetName", e.entitySetName());
        o.put("LogicalCollectionName", e.entitySetName());
        o.put("CollectionSchemaName", e.schemaName() + "s");
        o.put("PrimaryIdAttribute", e.primaryIdAttribute());
        o.put("PrimaryNameAttribute", e.primaryNameAttribute());
        o.put("ObjectTypeCode", ObjectTypeCodes.of(e));
        o.put("IsCustomEntity", e.custom());
        o.put("IsActivity", e.activity());
        o.put("IsManaged", false);
        o.put("IsValidForAdvancedFind", true);
        o.put("OwnershipType", e.ownershipType().name());
        o.set("DisplayName", label(e.labels().displayName() != null ? e.labels().displayName() : e.schemaName(), "entity:" + e.logicalName()));
        o.set("DisplayCollectionName", label(e.labels().displayCollectionName(), "collection:" + e.logicalName()));
        o.set("Description", label(e.labels().description(), "description:" + e.logicalName()));
        o.set("IsCustomizable", managed(true, "iscustomizable"));
        return o;
    }

    /** The AttributeMetadata-derived type name of a column, as {@code @odata.type} and casts name it. */
    static String typeName(AttributeType t) {
        return switch (t) {
            case String -> "StringAttributeMetadata";
            case Memo -> "MemoAttributeMetadata";
            case Integer -> "IntegerAttributeMetadata";
            case BigInt -> "BigIntAttributeMetadata";
            case Decimal -> "DecimalAttributeMetadata";
            case Double -> "DoubleAttributeMetadata";
            case Money -> "MoneyAttributeMetadata";
            case Boolean -> "BooleanAttributeMetadata";
            case DateTime -> "DateTimeAttributeMetadata";
            case Uniqueidentifier -> "UniqueIdentifierAttributeMetadata";
            case Lookup, Customer, Owner -> "LookupAttributeMetadata";
            case Picklist -> "PicklistAttributeMetadata";
            case State -> "StateAttributeMetadata";
            case Status -> "StatusAttributeMetadata";
            case MultiSelectPicklist -> "MultiSelectPicklistAttributeMetadata";
            case EntityName -> "EntityNameAttributeMetadata";
            case File -> "FileAttributeMetadata";
            case Image -> "ImageAttributeMetadata";
        };
    }

    /** A column; {@code withOptionSet} adds its option set (the platform's OptionSet navigation property, expanded). */
    static ObjectNode attribute(EntityMetadata e, AttributeMetadata a, boolean withOptionSet) {
        ObjectNode o = NODES.objectNode();
        o.put("@odata.type", "#" + NS + typeName(a.type()));
        o.put("MetadataId", MetadataIds.attribute(e.logicalName(), a.logicalName()).toString());
        o.put("LogicalName", a.logicalName());
        o.put("SchemaName", a.schemaName());
        o.put("EntityLogicalName", e.logicalName());
        o.put("AttributeType", a.type().name());
        o.putObject("AttributeTypeName").put("Value", a.type().name() + "Type");
        o.put("AttributeOf", (String) null);
        o.put("IsCustomAttribute", a.custom());
        o.put("IsPrimaryId", a.logicalName().equals(e.primaryIdAttribute()));
        o.put("IsPrimaryName", a.logicalName().equals(e.primaryNameAttribute()));
        o.put("IsValidForCreate", a.validForCreate());
        o.put("IsValidForUpdate", a.validForUpdate());
        o.put("IsValidForRead", true);
        o.put("IsManaged", false);
        o.set("RequiredLevel", managed(a.requiredLevel().name(), "canmodifyrequirementlevelsettings"));
        o.set("DisplayName", label(a.displayName() != null ? a.displayName() : a.schemaName(), "attribute:" + e.logicalName() + "." + a.logicalName()));
        o.set("Description", label(a.description(), "attribute-description:" + e.logicalName() + "." + a.logicalName()));
        switch (a.type()) {
            case String -> {
                o.put("MaxLength", a.maxLength());
                o.put("DatabaseLength", a.maxLength() * 2);
                o.put("Format", "Text");
                o.putObject("FormatName").put("Value", "Text");
            }
            case Memo -> {
                o.put("MaxLength", a.maxLength());
                o.put("Format", "TextArea");
            }
            case Integer -> {
                o.put("MinValue", a.minValue() == null ? null : a.minValue().intValue());
                o.put("MaxValue", a.maxValue() == null ? null : a.maxValue().intValue());
                o.put("Format", "None");
            }
            case BigInt -> {
                o.put("MinValue", Long.MIN_VALUE);
                o.put("MaxValue", Long.MAX_VALUE);
            }
            case Decimal, Double, Money -> {
                o.put("MinValue", a.minValue());
                o.put("MaxValue", a.maxValue());
                o.put("Precision", a.precision());
                if (a.type() == AttributeType.Money) o.put("PrecisionSource", 2);
            }
            case Boolean -> o.put("DefaultValue", false);
            case DateTime -> {
                o.put("Format", "DateAndTime");
                o.putObject("DateTimeBehavior").put("Value", "UserLocal");
            }
            case Lookup, Customer, Owner -> {
                ArrayNode targets = o.putArray("Targets");
                a.targets().forEach(targets::add);
            }
            case Picklist, State, Status, MultiSelectPicklist -> {
                o.put("DefaultFormValue", a.type() == AttributeType.Picklist || a.type() == AttributeType.MultiSelectPicklist ? -1 : null);
                if (withOptionSet) o.set("OptionSet", optionSet(e, a));
            }
            case File -> o.put("MaxSizeInKB", a.maxLength());
            case Image -> {
                o.put("MaxSizeInKB", a.maxLength());
                o.put("CanStoreFullImage", a.precision() == 1);
                o.put("IsPrimaryImage", false);
                o.put("MaxHeight", 144);
                o.put("MaxWidth", 144);
            }
            default -> { }
        }
        return o;
    }

    /** The option set of a choice column: a global one by its name, a local one named {@code <table>_<column>}. */
    static ObjectNode optionSet(EntityMetadata e, AttributeMetadata a) {
        String name = a.optionSetName() != null ? a.optionSetName() : e.logicalName() + "_" + a.logicalName();
        ObjectNode o = NODES.objectNode();
        o.put("@odata.type", "#" + NS + "OptionSetMetadata");
        o.put("MetadataId", MetadataIds.optionSet(name).toString());
        o.put("Name", name);
        o.put("IsGlobal", isGlobal(e, a));
        o.put("IsCustomOptionSet", a.custom());
        o.put("OptionSetType", switch (a.type()) {
            case State -> "State";
            case Status -> "Status";
            default -> "Picklist";
        });
        o.set("DisplayName", label(a.displayName() != null ? a.displayName() : a.schemaName(), "optionset:" + name));
        ArrayNode options = o.putArray("Options");
        for (OptionMetadata opt : a.options()) {
            ObjectNode x = options.addObject();
            x.put("Value", opt.value());
            x.set("Label", label(opt.label(), "option:" + name + ":" + opt.value()));
            if (a.type() == AttributeType.State) x.put("DefaultStatus", opt.defaultStatus());
            if (a.type() == AttributeType.Status) x.put("State", opt.state());
        }
        return o;
    }

    /** A global option set defined on its own (CreateOptionSet). */
    static ObjectNode optionSet(org.xrm4j.server.metadata.OptionSetMetadata set) {
        ObjectNode o = NODES.objectNode();
        o.put("@odata.type", "#" + NS + "OptionSetMetadata");
        o.put("MetadataId", MetadataIds.optionSet(set.name()).toString());
        o.put("Name", set.name());
        o.put("IsGlobal", true);
        o.put("IsCustomOptionSet", true);
        o.put("IsManaged", false);
        o.put("OptionSetType", "Picklist");
        o.set("DisplayName", label(set.displayName(), "optionset:" + set.name()));
        o.set("Description", label(set.description(), "optionset-description:" + set.name()));
        ArrayNode options = o.putArray("Options");
        for (OptionMetadata opt : set.options()) {
            ObjectNode x = options.addObject();
            x.put("Value", opt.value());
            x.set("Label", label(opt.label(), "option:" + set.name() + ":" + opt.value()));
        }
        return o;
    }

    /** A set shared by several columns, as a solution's global option sets are; the rest are the column's own. */
    static boolean isGlobal(EntityMetadata e, AttributeMetadata a) {
        return a.optionSetName() != null && !a.optionSetName().equals(e.logicalName() + "_" + a.logicalName());
    }

    /** A relationship; {@code custom} when a custom column or table made it (IsCustomRelationship). */
    static ObjectNode relationship(RelationshipMetadata r, boolean custom) {
        ObjectNode o = NODES.objectNode();
        boolean oneToMany = r.kind() == RelationshipMetadata.Kind.OneToMany;
        o.put("@odata.type", "#" + NS + (oneToMany ? "OneToManyRelationshipMetadata" : "ManyToManyRelationshipMetadata"));
        o.put("MetadataId", MetadataIds.relationship(r.schemaName()).toString());
        o.put("SchemaName", r.schemaName());
        o.put("RelationshipType", oneToMany ? "OneToManyRelationship" : "ManyToManyRelationship");
        o.put("IsCustomRelationship", custom);
        o.put("IsManaged", false);
        if (oneToMany) {
            o.put("ReferencedEntity", r.referencedEntity());
            o.put("ReferencedAttribute", r.referencedAttribute());
            o.put("ReferencingEntity", r.referencingEntity());
            o.put("ReferencingAttribute", r.referencingAttribute());
            o.put("ReferencedEntityNavigationPropertyName", r.referencedNavigation());
            o.put("ReferencingEntityNavigationPropertyName", r.referencingNavigation());
            ObjectNode cascade = o.putObject("CascadeConfiguration");
            cascade.put("Delete", r.cascadeDelete() == null ? null : r.cascadeDelete().name());
            cascade.put("Merge", r.cascadeMerge() == null ? null : r.cascadeMerge().name());
        } else {
            o.put("Entity1LogicalName", r.entity1());
            o.put("Entity1IntersectAttribute", r.entity1IntersectAttribute());
            o.put("Entity2LogicalName", r.entity2());
            o.put("Entity2IntersectAttribute", r.entity2IntersectAttribute());
            o.put("IntersectEntityName", r.intersectEntity());
            o.put("Entity1NavigationPropertyName", r.schemaName());
            o.put("Entity2NavigationPropertyName", r.schemaName());
        }
        return o;
    }

    /** A Label: one LocalizedLabel in 1033, also as UserLocalizedLabel; no text gives the platform's empty label. */
    static ObjectNode label(String text, String key) {
        ObjectNode o = NODES.objectNode();
        ArrayNode labels = o.putArray("LocalizedLabels");
        if (text == null) {
            o.putNull("UserLocalizedLabel");
            return o;
        }
        ObjectNode l = labels.addObject();
        l.put("Label", text);
        l.put("LanguageCode", LANGUAGE);
        l.put("IsManaged", false);
        l.put("MetadataId", UUID.nameUUIDFromBytes(("label:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        l.putNull("HasChanged");
        o.set("UserLocalizedLabel", l.deepCopy());
        return o;
    }

    private static ObjectNode managed(Object value, String property) {
        ObjectNode o = NODES.objectNode();
        switch (value) {
            case Boolean b -> o.put("Value", b);
            default -> o.put("Value", value.toString());
        }
        o.put("CanBeChanged", true);
        o.put("ManagedPropertyLogicalName", property);
        return o;
    }

    /** The text of a label object as a client sends it: the UserLocalizedLabel, else the first LocalizedLabel. */
    static String labelText(tools.jackson.databind.JsonNode label) {
        if (label == null || label.isNull() || !label.isObject()) return null;
        tools.jackson.databind.JsonNode user = label.get("UserLocalizedLabel");
        if (user != null && user.isObject() && user.hasNonNull("Label")) return user.get("Label").asString();
        tools.jackson.databind.JsonNode list = label.get("LocalizedLabels");
        if (list != null && list.isArray()) {
            for (tools.jackson.databind.JsonNode l : list) if (l.hasNonNull("Label")) return l.get("Label").asString();
        }
        return null;
    }

    static List<String> attributeTypeNames() {
        return java.util.Arrays.stream(AttributeType.values()).map(MetadataJson::typeName).distinct().toList();
    }
}
