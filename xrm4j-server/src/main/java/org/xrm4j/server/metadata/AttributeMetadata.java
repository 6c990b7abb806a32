package org.xrm4j.server.metadata;

import java.util.List;
import java.util.Objects;

/**
 * One column of an entity. {@code targets} lists the entities a lookup may point at; {@code options} the values a
 * choice column accepts (a global option set is copied in by name so that validation needs no second lookup).
 * {@code maxLength} applies to String and Memo; {@code minValue}/{@code maxValue} to numbers; {@code precision} to
 * Decimal, Double and Money. For File and Image columns {@code maxLength} is MaxSizeInKB and an Image column's
 * {@code precision} is 1 when it CanStoreFullImage. {@code customized} is the platform's IsCustomized: an unmanaged change sits on top of
 * what a managed solution installed, and a later managed import keeps it unless told to overwrite it.
 * {@code displayName} and {@code description} are the labels people read (language 1033), {@code null} when none
 * was given.
 */
public record AttributeMetadata(
        String logicalName,
        String schemaName,
        AttributeType type,
        RequiredLevel requiredLevel,
        int maxLength,
        Double minValue,
        Double maxValue,
        int precision,
        List<String> targets,
        String optionSetName,
        List<OptionMetadata> options,
        boolean validForCreate,
        boolean validForUpdate,
        boolean custom,
        boolean customized,
        String displayName,
        String description) {

    /** A column no unmanaged change has touched. */
    public AttributeMetadata(String logicalName, String schemaName, AttributeType type, RequiredLevel requiredLevel, int maxLength,
                             Double minValue, Double maxValue, int precision, List<String> targets, String optionSetName,
                             List<OptionMetadata> options, boolean validForCreate, boolean validForUpdate, boolean custom) {
        this(logicalName, schemaName, type, requiredLevel, maxLength, minValue, maxValue, precision, targets, optionSetName,
                options, validForCreate, validForUpdate, custom, false);
    }

    /** A column without labels. */
    public AttributeMetadata(String logicalName, String schemaName, AttributeType type, RequiredLevel requiredLevel, int maxLength,
                             Double minValue, Double maxValue, int precision, List<String> targets, String optionSetName,
                             List<OptionMetadata> options, boolean validForCreate, boolean validForUpdate, boolean custom,
                             boolean customized) {
        this(logicalName, schemaName, type, requiredLevel, maxLength, minValue, maxValue, precision, targets, optionSetName,
                options, validForCreate, validForUpdate, custom, customized, null, null);
    }

    public AttributeMetadata {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(type, "type");
        requiredLevel = requiredLevel == null ? RequiredLevel.None : requiredLevel;
        targets = targets == null ? List.of() : List.copyOf(targets);
        options = options == null ? List.of() : List.copyOf(options);
        schemaName = schemaName == null ? logicalName : schemaName;
    }

    /** The column that holds a multi-target lookup's entity name; {@code null} for single-target lookups. */
    public String typeColumn() {
        return type.isLookup() && (targets.size() > 1 || type != AttributeType.Lookup) ? logicalName + "type" : null;
    }

    public boolean hasOption(int value) {
        for (OptionMetadata o : options) if (o.value() == value) return true;
        return false;
    }

    public OptionMetadata option(int value) {
        for (OptionMetadata o : options) if (o.value() == value) return o;
        return null;
    }

    public AttributeMetadata withOptions(List<OptionMetadata> newOptions) {
        return new AttributeMetadata(logicalName, schemaName, type, requiredLevel, maxLength, minValue, maxValue,
                precision, targets, optionSetName, newOptions, validForCreate, validForUpdate, custom, customized, displayName, description);
    }

    public AttributeMetadata withRequiredLevel(RequiredLevel level) {
        return new AttributeMetadata(logicalName, schemaName, type, level, maxLength, minValue, maxValue,
                precision, targets, optionSetName, options, validForCreate, validForUpdate, custom, customized, displayName, description);
    }

    public AttributeMetadata withCustomized(boolean value) {
        return new AttributeMetadata(logicalName, schemaName, type, requiredLevel, maxLength, minValue, maxValue,
                precision, targets, optionSetName, options, validForCreate, validForUpdate, custom, value, displayName, description);
    }

    public AttributeMetadata withLabels(String newDisplayName, String newDescription) {
        return new AttributeMetadata(logicalName, schemaName, type, requiredLevel, maxLength, minValue, maxValue,
                precision, targets, optionSetName, options, validForCreate, validForUpdate, custom, customized, newDisplayName, newDescription);
    }
}
