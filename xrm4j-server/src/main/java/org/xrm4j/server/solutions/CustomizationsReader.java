package org.xrm4j.server.solutions;

import static org.xrm4j.server.solutions.XmlElement.lower;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.solutions.Customizations.Attribute;
import org.xrm4j.server.solutions.Customizations.Entity;
import org.xrm4j.server.solutions.Customizations.OptionSet;
import org.xrm4j.server.solutions.Customizations.Relationship;

/**
 * Reads customizations.xml into {@link Customizations}. Parts xrm4j does not install (forms, views, ribbons, app
 * modules, workflows) are listed by {@link SkippedComponents}, so real exports import with what the server
 * understands and the import log names the rest.
 */
final class CustomizationsReader {
    private CustomizationsReader() {}

    static Customizations read(byte[] xml) {
        XmlElement root = XmlElement.parse(xml, "customizations.xml");
        List<Entity> entities = new ArrayList<>();
        XmlElement list = root.child("Entities");
        if (list != null) for (XmlElement e : list.children("Entity")) {
            Entity entity = entity(e);
            if (entity != null) entities.add(entity);
        }
        List<OptionSet> optionSets = new ArrayList<>();
        XmlElement sets = root.child("optionsets");
        if (sets != null) for (XmlElement o : sets.children("optionset")) {
            optionSets.add(new OptionSet(lower(o.attr("Name")), lower(o.childText("OptionSetType")), options(o)));
        }
        List<Relationship> relationships = new ArrayList<>();
        XmlElement rels = root.child("EntityRelationships");
        if (rels != null) for (XmlElement r : rels.children("EntityRelationship")) relationships.add(relationship(r));
        return new Customizations(entities, optionSets, relationships, SkippedComponents.of(root));
    }

    private static Entity entity(XmlElement e) {
        XmlElement info = e.at("EntityInfo", "entity");
        String schemaName = info != null && info.attr("Name") != null ? info.attr("Name") : e.childText("Name");
        if (schemaName == null) return null;
        XmlElement nameElement = e.child("Name");
        String display = nameElement == null ? null : nameElement.attr("LocalizedName");
        if (info == null) return new Entity(lower(schemaName), schemaName, display, null, null, true, List.of(), List.of());
        boolean unmodified = "1".equals(info.attr("unmodified"));
        List<Attribute> attributes = new ArrayList<>();
        XmlElement attrs = info.child("attributes");
        if (attrs != null) for (XmlElement a : attrs.children("attribute")) attributes.add(attribute(a));
        return new Entity(lower(schemaName), schemaName, display != null ? display : info.label("LocalizedNames"),
                info.childText("EntitySetName"), info.childText("OwnershipTypeMask"), unmodified, attributes, keys(info));
    }

    /** {@code <EntityKeys><EntityKey><LogicalName>…<KeyAttributes><KeyAttribute>…} inside the entity. */
    private static List<Customizations.Key> keys(XmlElement info) {
        List<Customizations.Key> keys = new ArrayList<>();
        XmlElement list = info.child("EntityKeys");
        if (list == null) return keys;
        for (XmlElement k : list.children("EntityKey")) {
            String schema = k.childText("SchemaName") != null ? k.childText("SchemaName")
                    : k.childText("LogicalName") != null ? k.childText("LogicalName") : k.childText("Name");
            String logical = lower(k.childText("LogicalName") != null ? k.childText("LogicalName") : schema);
            List<String> columns = new ArrayList<>();
            XmlElement attrs = k.child("KeyAttributes");
            if (attrs != null) for (XmlElement a : attrs.children("KeyAttribute")) if (!a.text().isEmpty()) columns.add(lower(a.text()));
            keys.add(new Customizations.Key(logical, schema, columns, k.label("displaynames")));
        }
        return keys;
    }

    private static Attribute attribute(XmlElement a) {
        String logical = lower(a.childText("LogicalName") != null ? a.childText("LogicalName") : a.childText("Name"));
        String mask = a.childText("DisplayMask");
        boolean primaryName = mask != null && List.of(mask.split("\\|")).contains("PrimaryName");
        XmlElement inline = a.child("optionset");
        String optionSetName = lower(a.childText("OptionSetName"));
        List<OptionMetadata> options = inline == null ? List.of() : options(inline);
        List<String> lookupTypes = new ArrayList<>();
        XmlElement types = a.child("LookupTypes");
        if (types != null) for (XmlElement t : types.children("LookupType")) if (!t.text().isEmpty()) lookupTypes.add(lower(t.text()));
        Integer precision = integer(a.childText("Precision") != null ? a.childText("Precision") : a.childText("Accuracy"));
        return new Attribute(lower(a.childText("Type")), logical, a.attr("PhysicalName"), lower(a.childText("RequiredLevel")),
                primaryName, integer(a.childText("MaxLength")), number(a.childText("MinValue")), number(a.childText("MaxValue")),
                precision, optionSetName != null ? optionSetName : inline == null ? null : lower(inline.attr("Name")),
                optionSetName != null && inline == null, options, lookupTypes,
                !"0".equals(a.childText("ValidForCreateApi")), !"0".equals(a.childText("ValidForUpdateApi")), a.label("displaynames"),
                "1".equals(a.attr("unmodified")));
    }

    /** Options of a picklist set, or the states / statuses of a state or status set. */
    static List<OptionMetadata> options(XmlElement set) {
        List<OptionMetadata> out = new ArrayList<>();
        XmlElement options = set.child("options");
        if (options != null) for (XmlElement o : options.children("option")) {
            out.add(OptionMetadata.of(Integer.parseInt(o.attr("value")), orEmpty(o.label("labels"))));
        }
        XmlElement states = set.child("states");
        if (states != null) for (XmlElement s : states.children("state")) {
            out.add(new OptionMetadata(Integer.parseInt(s.attr("value")), orEmpty(firstNonNull(s.attr("invariantname"), s.label("labels"))),
                    -1, Integer.parseInt(s.attr("defaultstatus"))));
        }
        XmlElement statuses = set.child("statuses");
        if (statuses != null) for (XmlElement s : statuses.children("status")) {
            out.add(new OptionMetadata(Integer.parseInt(s.attr("value")), orEmpty(s.label("labels")), Integer.parseInt(s.attr("state")), -1));
        }
        return out;
    }

    private static Relationship relationship(XmlElement r) {
        String referencingNav = null;
        String referencedNav = null;
        XmlElement roles = r.child("EntityRelationshipRoles");
        if (roles != null) for (XmlElement role : roles.children("EntityRelationshipRole")) {
            // Role type 1 is the referencing (many) side, whose navigation property is the single-valued one.
            if ("1".equals(role.childText("RelationshipRoleType"))) referencingNav = role.childText("NavigationPropertyName");
            else referencedNav = role.childText("NavigationPropertyName");
        }
        return new Relationship(r.attr("Name"), r.childText("EntityRelationshipType"), lower(r.childText("ReferencingEntityName")),
                lower(r.childText("ReferencedEntityName")), lower(r.childText("ReferencingAttributeName")),
                r.childText("CascadeDelete"), referencingNav, referencedNav,
                lower(firstNonNull(r.childText("FirstEntityName"), r.childText("Entity1LogicalName"))),
                lower(firstNonNull(r.childText("SecondEntityName"), r.childText("Entity2LogicalName"))),
                lower(r.childText("IntersectEntityName")), lower(r.childText("Entity1IntersectAttribute")),
                lower(r.childText("Entity2IntersectAttribute")));
    }

    private static Integer integer(String s) { return s == null ? null : Integer.valueOf(s); }

    private static Double number(String s) { return s == null ? null : Double.valueOf(s); }

    private static String firstNonNull(String a, String b) { return a != null ? a : b; }

    private static String orEmpty(String s) { return s == null ? "" : s; }
}
