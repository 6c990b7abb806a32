package org.xrm4j.server.solutions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.AttributeType;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.solutions.Customizations.Attribute;

/**
 * Maps a column of a solution file to xrm4j's {@link AttributeMetadata}. Columns every table gets from
 * {@link org.xrm4j.server.metadata.EntityBuilder} (audit, ownership, state) are recognised so that the installer
 * leaves them to the builder; a type xrm4j does not store (virtual) maps to nothing. Image and file columns take the
 * platform's default MaxSizeInKB (10240 and 32768): their sizes sit in AttributeImageConfigs, which are not read.
 */
final class AttributeMapper {
    /**
     * Columns the platform adds to every table; the file lists them, the builder creates them. An organization-owned
     * table's organizationid is among them: the platform fills it, and xrm4j keeps the organization implicit.
     */
    static final Set<String> BUILT_IN = Set.of("createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby",
            "modifiedonbehalfby", "versionnumber", "ownerid", "owninguser", "owningteam", "owningbusinessunit",
            "organizationid", "statecode", "statuscode", "importsequencenumber", "overriddencreatedon",
            "timezoneruleversionnumber", "utcconversiontimezonecode");

    private AttributeMapper() {}

    /** The types the installer understands (a column of another type is logged and skipped). */
    static boolean supported(String type) {
        return type != null && switch (type) {
            case "nvarchar", "memo", "ntext", "int", "bigint", "decimal", "float", "money", "bit", "datetime", "picklist",
                 "multiselectpicklist", "lookup", "customer", "owner", "state", "status", "primarykey", "uniqueidentifier", "image",
                 "file" -> true;
            default -> false;
        };
    }

    /**
     * The column for {@code a}; {@code targets} are the lookup's referenced tables (from LookupTypes or the
     * relationships that name it), {@code globalSets} the file's global option sets by name.
     */
    static AttributeMetadata map(Attribute a, List<String> targets, Map<String, List<OptionMetadata>> globalSets,
                                 Map<String, List<OptionMetadata>> existingSets) {
        AttributeType type = switch (a.type()) {
            case "nvarchar" -> AttributeType.String;
            case "memo", "ntext" -> AttributeType.Memo;
            case "int" -> AttributeType.Integer;
            case "bigint" -> AttributeType.BigInt;
            case "decimal" -> AttributeType.Decimal;
            case "float" -> AttributeType.Double;
            case "money" -> AttributeType.Money;
            case "bit" -> AttributeType.Boolean;
            case "datetime" -> AttributeType.DateTime;
            case "picklist" -> AttributeType.Picklist;
            case "multiselectpicklist" -> AttributeType.MultiSelectPicklist;
            case "lookup" -> AttributeType.Lookup;
            case "customer" -> AttributeType.Customer;
            case "uniqueidentifier" -> AttributeType.Uniqueidentifier;
            case "image" -> AttributeType.Image;
            case "file" -> AttributeType.File;
            default -> throw new IllegalArgumentException("the type " + a.type() + " is not supported");
        };
        int maxLength = switch (type) {
            case String -> a.maxLength() == null ? 100 : a.maxLength();
            case Memo -> a.maxLength() == null ? 2000 : a.maxLength();
            case Image -> 10240;
            case File -> 32768;
            default -> 0;
        };
        Double min = a.minValue();
        Double max = a.maxValue();
        int precision = a.precision() == null ? 0 : a.precision();
        switch (type) {
            case Integer -> { min = or(min, -2147483648d); max = or(max, 2147483647d); }
            case BigInt -> { min = or(min, (double) Long.MIN_VALUE); max = or(max, (double) Long.MAX_VALUE); }
            case Decimal, Double -> { min = or(min, -100000000000d); max = or(max, 100000000000d); precision = a.precision() == null ? 2 : precision; }
            case Money -> { min = or(min, -922337203685477d); max = or(max, 922337203685477d); precision = a.precision() == null ? 2 : precision; }
            case Image -> { min = null; max = null; precision = 1; }
            default -> { min = null; max = null; }
        }
        List<OptionMetadata> options = List.of();
        if (type.isChoice()) {
            options = a.options();
            if (options.isEmpty() && a.optionSetName() != null) {
                options = globalSets.getOrDefault(a.optionSetName(), existingSets.get(a.optionSetName()));
                if (options == null) throw new IllegalArgumentException("the option set " + a.optionSetName() + " is not in the solution or the organization");
            }
        }
        List<String> lookupTargets = List.of();
        if (type.isLookup()) {
            lookupTargets = type == AttributeType.Customer && targets.isEmpty() ? List.of("account", "contact") : targets;
            if (lookupTargets.isEmpty()) throw new IllegalArgumentException("no relationship names the table it points at");
        }
        return new AttributeMetadata(a.logicalName(), a.schemaName(), type, level(a.requiredLevel()), maxLength, min, max,
                precision, lookupTargets, a.optionSetName(), options, a.validForCreate() && !type.isFile(),
                a.validForUpdate() && !type.isFile(), true)
                .withLabels(a.displayName(), null);
    }

    static RequiredLevel level(String level) {
        if (level == null) return RequiredLevel.None;
        return switch (level) {
            case "systemrequired" -> RequiredLevel.SystemRequired;
            // Solution files write ApplicationRequired as "required"; the SDK's name is accepted too.
            case "required", "applicationrequired" -> RequiredLevel.ApplicationRequired;
            case "recommended" -> RequiredLevel.Recommended;
            default -> RequiredLevel.None;
        };
    }

    private static Double or(Double v, double fallback) { return v == null ? fallback : v; }
}
