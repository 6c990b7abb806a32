package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Records;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * Reads the {@code optionsetmetadata} Entity of the option set messages, and answers a global option set in the
 * same form. An option without a Value is numbered as the platform numbers it: from the option value prefix of the
 * publisher whose customization prefix the set's name carries, times 10000 ({@code 10000} gives 100000000, 100000001,
 * …), else from 100000000.
 */
final class OptionSetDefinitions {
    private OptionSetDefinitions() {}

    /** A new global option set from its definition. */
    static OptionSetMetadata newOptionSet(ExecutionContext ctx, OrganizationMetadata metadata, Entity d) {
        String name = name(d);
        if (metadata.optionSet(name) != null || usedByColumns(metadata, name).size() > 0) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "An option set named " + name + " already exists. Choose another Name.");
        }
        if (d.get("IsGlobal") instanceof Boolean global && !global) {
            throw new FaultException(ErrorCodes.InvalidArgument, "CreateOptionSet creates global option sets (IsGlobal true); a column's own"
                    + " options come with the column (CreateAttribute).");
        }
        String type = MetadataDefinitions.text(d, "OptionSetType");
        if (type != null && !type.equals("Picklist")) {
            throw new FaultException(ErrorCodes.NotSupported, "Global option sets of type " + type + " are not supported; use Picklist.");
        }
        return new OptionSetMetadata(name, MetadataDefinitions.text(d, "DisplayName"), MetadataDefinitions.text(d, "Description"),
                options(d, name, firstValue(ctx, name)));
    }

    /** The set's Name: a customization prefix, an underscore and a name, in lower case as the platform keeps it. */
    static String name(Entity d) {
        String given = MetadataDefinitions.text(d, "Name");
        if (given == null) throw new FaultException(ErrorCodes.InvalidArgument, "The option set needs a Name, such as new_color.");
        String name = given.toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9]{0,7}_[a-z0-9_]{1,119}")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The option set name '" + given + "' is not valid: use a customization"
                    + " prefix, an underscore and letters, digits or underscores (new_color).");
        }
        return name;
    }

    /** The stored global option set a name or MetadataId names, or ObjectDoesNotExist. */
    static OptionSetMetadata require(OrganizationMetadata metadata, String name, java.util.UUID id) {
        OptionSetMetadata found = name != null ? metadata.optionSet(name) : null;
        if (found == null && id != null) {
            for (OptionSetMetadata o : metadata.optionSets()) if (MetadataIds.optionSet(o.name()).equals(id)) found = o;
        }
        if (found == null) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "Could not find an option set with the "
                    + (name != null ? "name " + name : "MetadataId " + id) + ".");
        }
        return found;
    }

    /** The columns ({@code table.column}) whose options come from the set of that name. */
    static List<String> usedByColumns(OrganizationMetadata metadata, String name) {
        List<String> columns = new ArrayList<>();
        for (EntityMetadata e : metadata.entities()) {
            for (AttributeMetadata a : e.attributes().values()) {
                if (a.type().isChoice() && name.equalsIgnoreCase(a.optionSetName())) columns.add(e.logicalName() + "." + a.logicalName());
            }
        }
        return columns;
    }

    /** The set as an {@code optionsetmetadata} Entity: Name, MetadataId, IsGlobal, OptionSetType, labels and Options. */
    static Entity entity(OptionSetMetadata o) {
        Entity e = new Entity("optionsetmetadata").set("Name", o.name()).set("MetadataId", MetadataIds.optionSet(o.name()))
                .set("IsGlobal", true).set("IsCustomOptionSet", true).set("OptionSetType", "Picklist");
        if (o.displayName() != null) e.set("DisplayName", o.displayName());
        if (o.description() != null) e.set("Description", o.description());
        List<Entity> options = new ArrayList<>();
        for (OptionMetadata opt : o.options()) options.add(new Entity("optionmetadata").set("Value", opt.value()).set("Label", opt.label()));
        return e.set("Options", new EntityCollection(options).entityName("optionmetadata"));
    }

    private static List<OptionMetadata> options(Entity d, String name, int first) {
        if (!(d.get("Options") instanceof EntityCollection given) || given.entities().isEmpty()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The option set " + name + " needs its Options.");
        }
        Set<Integer> values = new HashSet<>();
        for (Entity o : given.entities()) if (o.get("Value") instanceof Integer v) values.add(v);
        List<OptionMetadata> options = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int next = first;
        for (Entity o : given.entities()) {
            int value;
            if (o.get("Value") instanceof Integer v) {
                value = v;
            } else {
                while (values.contains(next)) next++;
                value = next++;
            }
            if (!seen.add(value)) throw new FaultException(ErrorCodes.InvalidArgument, "The option value " + value + " appears twice in " + name + ".");
            String label = MetadataDefinitions.text(o, "Label");
            options.add(OptionMetadata.of(value, label == null ? String.valueOf(value) : label));
        }
        return options;
    }

    /** The publisher's option value prefix times 10000, for the publisher whose customization prefix the name starts with. */
    private static int firstValue(ExecutionContext ctx, String name) {
        String prefix = name.substring(0, name.indexOf('_'));
        QueryExpression q = new QueryExpression("publisher").columnSet(new ColumnSet("customizationoptionvalueprefix"));
        q.criteria().addCondition("customizationprefix", ConditionOperator.Equal, prefix);
        for (Entity p : Records.query(ctx, q).entities()) {
            if (p.get("customizationoptionvalueprefix") instanceof Integer v && v >= 10000 && v <= 99999) return v * 10000;
        }
        return 100000000;
    }
}
