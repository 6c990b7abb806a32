package org.xrm4j.server.solutions;

import java.util.ArrayList;
import java.util.List;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityBuilder;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OwnershipType;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.solutions.Customizations.Attribute;
import org.xrm4j.server.solutions.Customizations.Entity;

/**
 * Turns a new entity of a solution file into an {@link EntityBuilder}: the primary key is the {@code primarykey}
 * attribute, the primary name the nvarchar column whose DisplayMask holds {@code PrimaryName}, and the state and
 * status option sets the file's own. The builder adds the audit, ownership and state columns, so the file's copies
 * of those are recognised and left to it.
 */
final class NewEntityBuilder {
    private final EntityBuilder builder;
    private final String primaryKey;
    private final String primaryName;
    private final String displayName;
    private final String primaryNameLabel;

    NewEntityBuilder(Entity e) {
        builder = EntityBuilder.entity(e.logicalName()).schemaName(e.schemaName()).custom(true)
                .entitySetName(e.entitySetName() != null ? ImportPlanner.checkedSetName(e.entitySetName()) : e.logicalName() + "s")
                .ownership(ownership(e.ownership()));
        String pk = e.logicalName() + "id";
        String name = null;
        String nameLabel = null;
        int nameLength = 100;
        List<OptionMetadata> states = null;
        List<OptionMetadata> statuses = null;
        for (Attribute a : e.attributes()) {
            if ("primarykey".equals(a.type())) pk = ImportPlanner.checked(a.logicalName());
            if (a.primaryName() && "nvarchar".equals(a.type()) && name == null) {
                name = ImportPlanner.checked(a.logicalName());
                nameLength = a.maxLength() == null ? 100 : a.maxLength();
                nameLabel = a.displayName();
            }
            if ("state".equals(a.type()) && !a.options().isEmpty()) states = a.options();
            if ("status".equals(a.type()) && !a.options().isEmpty()) statuses = a.options();
        }
        primaryKey = pk;
        primaryName = name;
        displayName = e.displayName();
        primaryNameLabel = nameLabel;
        builder.primaryId(pk);
        if (name != null) builder.primaryName(name, nameLength);
        if (states != null && statuses != null) builder.states(states, statuses);
        else builder.activeInactive();
    }

    /** Whether the builder makes this column itself (primary key and name, audit, ownership, state, status). */
    boolean builtIn(Attribute a) {
        return a.logicalName() == null || a.logicalName().equals(primaryKey) || a.logicalName().equals(primaryName)
                || AttributeMapper.BUILT_IN.contains(a.logicalName())
                || List.of("primarykey", "owner", "state", "status").contains(a.type());
    }

    void add(AttributeMetadata a) { builder.add(a); }

    /** The table, with the file's display names for the table and its primary name column. */
    EntityMetadata build() {
        EntityMetadata built = builder.build();
        List<AttributeMetadata> columns = new ArrayList<>();
        for (AttributeMetadata a : built.attributes().values()) {
            columns.add(a.logicalName().equals(primaryName) && primaryNameLabel != null ? a.withLabels(primaryNameLabel, a.description()) : a);
        }
        return built.withAttributes(columns).withLabels(new EntityMetadata.Labels(displayName, null, null));
    }

    /** The relationships of the audit and owning-unit columns (the file's lookups are planned separately). */
    List<RelationshipMetadata> systemRelationships() { return new ArrayList<>(builder.relationships()); }

    private static OwnershipType ownership(String mask) {
        if (mask == null) return OwnershipType.UserOwned;
        return switch (mask) {
            case "OrgOwned", "OrganizationOwned" -> OwnershipType.OrganizationOwned;
            case "BusinessOwned" -> OwnershipType.BusinessOwned;
            case "None" -> OwnershipType.None;
            default -> OwnershipType.UserOwned;
        };
    }
}
