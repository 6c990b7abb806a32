package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OptionSetMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.security.Privilege;

/**
 * Reads the {@code entitymetadata} and {@code attributemetadata} Entities of the metadata messages into xrm4j's
 * definitions, with the platform's rules for names: a custom name carries a customization prefix
 * ({@code new_account}), is a plain identifier, and becomes a quoted SQL name only after passing this check.
 */
final class MetadataDefinitions {
    /** A prefix, an underscore, a name: the shape of every custom table and column name. */
    private static final Pattern CUSTOM_NAME = Pattern.compile("[a-z][a-z0-9]{0,7}_[a-z0-9_]{1,42}");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,7}_[A-Za-z0-9_]{1,42}");

    private MetadataDefinitions() {}

    /** Metadata changes are the System Administrator's, as customizations are on the platform. */
    static void requirePrivilege(ExecutionContext ctx, Privilege privilege, String what) {
        if (!ctx.user().has(privilege)) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Principal user (Id=" + ctx.user().userId() + ") is missing "
                    + privilege + " privilege: " + what + " needs it (the System Administrator role holds it).");
        }
    }

    /** The logical name of a new table or column: its LogicalName, else its SchemaName in lower case; checked. */
    static String logicalName(Entity definition, String what) {
        String schema = schemaName(definition, what);
        Object given = definition.get("LogicalName");
        String logical = given instanceof String s && !s.isBlank() ? s : schema.toLowerCase(Locale.ROOT);
        if (!logical.equals(schema.toLowerCase(Locale.ROOT))) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The LogicalName '" + logical + "' of the " + what
                    + " must be its SchemaName '" + schema + "' in lower case.");
        }
        if (!CUSTOM_NAME.matcher(logical).matches()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The name '" + schema + "' of the " + what + " is not valid: use a"
                    + " customization prefix, an underscore and letters, digits or underscores (new_Name), at most 50 characters.");
        }
        return logical;
    }

    static String schemaName(Entity definition, String what) {
        if (!(definition.get("SchemaName") instanceof String schema) || schema.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The " + what + " needs a SchemaName, such as new_Name.");
        }
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The SchemaName '" + schema + "' of the " + what + " is not valid: use a"
                    + " customization prefix, an underscore and letters, digits or underscores (new_Name), at most 50 characters.");
        }
        return schema;
    }

    static String text(Entity definition, String name) {
        return definition.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * A new custom column from its definition; {@code primaryName} forces a String column. A choice column whose
     * OptionSetName names a global option set of {@code metadata} takes that set's options.
     */
    static AttributeMetadata attribute(Entity d, EntityMetadata table, boolean primaryName, OrganizationMetadata metadata) {
        String schema = schemaName(d, "column");
        String name = logicalName(d, "column");
        if (table != null && table.has(name)) {
            throw new FaultException(ErrorCodes.ObjectAlreadyExists, "The table " + table.logicalName() + " already has a column named "
                    + name + ". Choose another SchemaName.");
        }
        AttributeType type = primaryName ? AttributeType.String : type(d);
        int maxLength = switch (type) {
            case String -> intIn(d, "MaxLength", 100, 1, 4000);
            case Memo -> intIn(d, "MaxLength", 2000, 1, 1048576);
            // MaxSizeInKB, with the platform's defaults and limits (10 GB for files, 30 MB for images).
            case File -> intIn(d, "MaxSizeInKB", 32768, 1, 10485760);
            case Image -> intIn(d, "MaxSizeInKB", 10240, 1, 30720);
            default -> 0;
        };
        Double min = null;
        Double max = null;
        int precision = 0;
        switch (type) {
            case Integer -> { min = number(d, "MinValue", -2147483648d); max = number(d, "MaxValue", 2147483647d); }
            case BigInt -> { min = (double) Long.MIN_VALUE; max = (double) Long.MAX_VALUE; }
            case Decimal -> { min = number(d, "MinValue", -100000000000d); max = number(d, "MaxValue", 100000000000d); precision = intIn(d, "Precision", 2, 0, 10); }
            case Double -> { min = number(d, "MinValue", -100000000000d); max = number(d, "MaxValue", 100000000000d); precision = intIn(d, "Precision", 2, 0, 5); }
            case Money -> { min = number(d, "MinValue", -922337203685477d); max = number(d, "MaxValue", 922337203685477d); precision = intIn(d, "Precision", 2, 0, 4); }
            case Image -> precision = Boolean.FALSE.equals(d.get("CanStoreFullImage")) ? 0 : 1;
            default -> { }
        }
        if (min != null && max != null && min > max) {
            throw new FaultException(ErrorCodes.InvalidArgument, "MinValue " + min + " of the column " + name + " is above its MaxValue " + max + ".");
        }
        String optionSetName = text(d, "OptionSetName");
        OptionSetMetadata global = type.isChoice() ? metadata.optionSet(optionSetName) : null;
        if (global != null && d.get("Options") instanceof EntityCollection given && !given.entities().isEmpty()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The column " + name + " uses the global option set " + global.name()
                    + " and takes its options from it; leave out Options.");
        }
        if (global != null) optionSetName = global.name();
        List<OptionMetadata> options = global != null ? global.options() : type.isChoice() ? options(d, name) : List.of();
        // A file or image column is written through the file messages (InitializeFileBlocksUpload, ...), never by
        // Create or Update, as on the platform.
        boolean writable = !type.isFile();
        return new AttributeMetadata(name, schema, type, level(d, RequiredLevel.None), maxLength, min, max, precision, List.of(),
                optionSetName, options, writable, writable, true, false, text(d, "DisplayName"), text(d, "Description"));
    }

    private static AttributeType type(Entity d) {
        String t = text(d, "AttributeType");
        if (t == null) throw new FaultException(ErrorCodes.InvalidArgument, "The column needs an AttributeType (String, Integer, Picklist, ...).");
        AttributeType type;
        try {
            type = AttributeType.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The AttributeType '" + t + "' is not one of String, Memo, Integer, BigInt,"
                    + " Decimal, Double, Money, Boolean, DateTime, Picklist, MultiSelectPicklist, File, Image.");
        }
        return switch (type) {
            case String, Memo, Integer, BigInt, Decimal, Double, Money, Boolean, DateTime, Picklist, MultiSelectPicklist, File, Image -> type;
            case Lookup, Customer, Owner -> throw new FaultException(ErrorCodes.NotSupported, "A lookup column cannot be created with"
                    + " CreateAttribute: it is created with its relationship, by CreateOneToMany (in the Web API, POST RelationshipDefinitions"
                    + " with a OneToManyRelationshipMetadata holding the Lookup).");
            default -> throw new FaultException(ErrorCodes.NotSupported, "Columns of type " + type + " are created by the platform itself, not by CreateAttribute.");
        };
    }

    /** Options as an EntityCollection of {@code optionmetadata} (Value, Label); a missing Value takes the next free one from 100000000. */
    private static List<OptionMetadata> options(Entity d, String column) {
        if (!(d.get("Options") instanceof EntityCollection given) || given.entities().isEmpty()) {
            if (text(d, "OptionSetName") != null) {
                throw new FaultException(ErrorCodes.ObjectDoesNotExist, "The choice column " + column + " names the option set "
                        + text(d, "OptionSetName") + ", which is not a global option set of the organization (CreateOptionSet makes one).");
            }
            throw new FaultException(ErrorCodes.InvalidArgument, "The choice column " + column + " needs its Options.");
        }
        List<OptionMetadata> options = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        int next = 100000000;
        for (Entity o : given.entities()) {
            int value;
            if (o.get("Value") instanceof Integer v) {
                value = v;
            } else {
                while (values.contains(next)) next++;
                value = next;
            }
            if (!values.add(value)) throw new FaultException(ErrorCodes.InvalidArgument, "The option value " + value + " appears twice in " + column + ".");
            String label = text(o, "Label");
            options.add(OptionMetadata.of(value, label == null ? String.valueOf(value) : label));
        }
        return options;
    }

    static RequiredLevel level(Entity d, RequiredLevel fallback) {
        String level = text(d, "RequiredLevel");
        if (level == null) return fallback;
        try {
            RequiredLevel r = RequiredLevel.valueOf(level);
            if (r == RequiredLevel.SystemRequired) throw new IllegalArgumentException();
            return r;
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The RequiredLevel '" + level + "' is not one of None, Recommended, ApplicationRequired.");
        }
    }

    private static int intIn(Entity d, String name, int fallback, int min, int max) {
        Object v = d.get(name);
        if (v == null) return fallback;
        if (!(v instanceof Integer i) || i < min || i > max) {
            throw new FaultException(ErrorCodes.InvalidArgument, name + " must be a whole number from " + min + " to " + max + ", not " + v + ".");
        }
        return i;
    }

    private static Double number(Entity d, String name, double fallback) {
        Object v = d.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new FaultException(ErrorCodes.InvalidArgument, name + " must be a number, not " + v + ".");
    }
}
