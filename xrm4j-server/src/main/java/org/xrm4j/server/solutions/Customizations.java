package org.xrm4j.server.solutions;

import java.util.List;
import org.xrm4j.server.metadata.OptionMetadata;

/**
 * The parts of customizations.xml that xrm4j installs, as plain data. Names are logical names (lower case);
 * {@code type} strings are the file's own ({@code nvarchar}, {@code picklist}, ...), mapped to columns on install.
 */
public record Customizations(List<Entity> entities, List<OptionSet> optionSets, List<Relationship> relationships,
                             List<Skipped> skipped) {

    /** A component of the file xrm4j does not install ({@code kind} is its element name: Workflow, WebResource, ...). */
    public record Skipped(String kind, String name) {}

    /** An entity; {@code unmodified} marks a system table that appears only because something refers to it. */
    public record Entity(String logicalName, String schemaName, String displayName, String entitySetName,
                         String ownership, boolean unmodified, List<Attribute> attributes, List<Key> keys) {
        public Attribute attribute(String name) {
            for (Attribute a : attributes) if (a.logicalName().equals(name)) return a;
            return null;
        }
    }

    /**
     * A column. {@code options} are the inline options of a local option set; for state and status they carry the
     * default status / owning state as {@link OptionMetadata} does. {@code validForCreate} / {@code validForUpdate}
     * are false where the file says so (ValidForCreateApi / ValidForUpdateApi 0: exchange rates, base-currency copies).
     * {@code unmodified} marks a system column the export lists as the platform defines it ({@code unmodified="1"}).
     * {@code lookupTypes} are what LookupTypes holds: object type codes in exports, table names in hand-made files.
     */
    public record Attribute(String type, String logicalName, String schemaName, String requiredLevel, boolean primaryName,
                            Integer maxLength, Double minValue, Double maxValue, Integer precision, String optionSetName,
                            boolean globalOptionSet, List<OptionMetadata> options, List<String> lookupTypes,
                            boolean validForCreate, boolean validForUpdate, String displayName, boolean unmodified) {}

    /** An alternate key ({@code <EntityKeys><EntityKey>}): its name and the logical names of its columns. */
    public record Key(String logicalName, String schemaName, List<String> attributes, String displayName) {}

    /** A global option set. */
    public record OptionSet(String name, String type, List<OptionMetadata> options) {}

    /** A relationship; one-to-many fields or many-to-many fields are set according to {@code type}. */
    public record Relationship(String name, String type, String referencingEntity, String referencedEntity,
                               String referencingAttribute, String cascadeDelete, String referencingNavigation,
                               String referencedNavigation, String entity1, String entity2, String intersectEntity,
                               String entity1Attribute, String entity2Attribute) {
        public boolean oneToMany() { return "OneToMany".equalsIgnoreCase(type); }
    }
}
