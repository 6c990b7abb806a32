package org.xrm4j.server.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a table definition with the columns every Dataverse table has (primary key, audit columns, version number,
 * ownership, state and status). Used for the built-in tables and by the solution installer.
 */
public final class EntityBuilder {
    private final String logicalName;
    private String schemaName;
    private String entitySetName;
    private String primaryId;
    private String primaryName;
    private int primaryNameLength = 100;
    private OwnershipType ownership = OwnershipType.UserOwned;
    private boolean activity;
    private boolean custom;
    private List<OptionMetadata> states;
    private List<OptionMetadata> statuses;
    private final List<AttributeMetadata> attributes = new ArrayList<>();
    private final List<RelationshipMetadata> relationships = new ArrayList<>();
    private final java.util.Set<String> required = new java.util.HashSet<>();

    private EntityBuilder(String logicalName) {
        this.logicalName = logicalName;
        this.primaryId = logicalName + "id";
    }

    public static EntityBuilder entity(String logicalName) { return new EntityBuilder(logicalName); }

    public EntityBuilder schemaName(String v) { schemaName = v; return this; }
    public EntityBuilder entitySetName(String v) { entitySetName = v; return this; }
    public EntityBuilder primaryId(String v) { primaryId = v; return this; }
    public EntityBuilder ownership(OwnershipType v) { ownership = v; return this; }
    public EntityBuilder activity() { activity = true; return this; }
    public EntityBuilder custom(boolean v) { custom = v; return this; }

    public EntityBuilder primaryName(String name, int maxLength) {
        primaryName = name;
        primaryNameLength = maxLength;
        return this;
    }

    /** No primary name column (importjob). */
    public EntityBuilder noPrimaryName() { primaryName = null; primaryNameLength = 0; return this; }

    /**
     * Active/Inactive-style states: {@code states} are State options carrying their default status, {@code statuses}
     * Status options carrying their state.
     */
    public EntityBuilder states(List<OptionMetadata> states, List<OptionMetadata> statuses) {
        this.states = states;
        this.statuses = statuses;
        return this;
    }

    /** The common two states: 0 Active (status 1), 1 Inactive (status 2). */
    public EntityBuilder activeInactive() {
        return states(List.of(new OptionMetadata(0, "Active", -1, 1), new OptionMetadata(1, "Inactive", -1, 2)),
                List.of(new OptionMetadata(1, "Active", 0, -1), new OptionMetadata(2, "Inactive", 1, -1)));
    }

    public EntityBuilder add(AttributeMetadata a) { attributes.add(a); return this; }

    public EntityBuilder string(String name, int maxLength) {
        return add(attr(name, AttributeType.String, maxLength, null, null, 0, List.of(), List.of()));
    }

    public EntityBuilder memo(String name, int maxLength) {
        return add(attr(name, AttributeType.Memo, maxLength, null, null, 0, List.of(), List.of()));
    }

    public EntityBuilder integer(String name, double min, double max) {
        return add(attr(name, AttributeType.Integer, 0, min, max, 0, List.of(), List.of()));
    }

    public EntityBuilder bigInt(String name) {
        return add(attr(name, AttributeType.BigInt, 0, (double) Long.MIN_VALUE, (double) Long.MAX_VALUE, 0, List.of(), List.of()));
    }

    public EntityBuilder decimal(String name, int precision, double min, double max) {
        return add(attr(name, AttributeType.Decimal, 0, min, max, precision, List.of(), List.of()));
    }

    public EntityBuilder doubleValue(String name, int precision, double min, double max) {
        return add(attr(name, AttributeType.Double, 0, min, max, precision, List.of(), List.of()));
    }

    public EntityBuilder money(String name) {
        return add(attr(name, AttributeType.Money, 0, -922337203685477.0, 922337203685477.0, 2, List.of(), List.of()));
    }

    public EntityBuilder bool(String name) { return add(attr(name, AttributeType.Boolean, 0, null, null, 0, List.of(), List.of())); }

    public EntityBuilder dateTime(String name) { return add(attr(name, AttributeType.DateTime, 0, null, null, 0, List.of(), List.of())); }

    public EntityBuilder uniqueIdentifier(String name) {
        return add(attr(name, AttributeType.Uniqueidentifier, 0, null, null, 0, List.of(), List.of()));
    }

    public EntityBuilder entityName(String name) { return add(attr(name, AttributeType.EntityName, 100, null, null, 0, List.of(), List.of())); }

    public EntityBuilder picklist(String name, OptionMetadata... options) {
        return add(attr(name, AttributeType.Picklist, 0, null, null, 0, List.of(), Arrays.asList(options)));
    }

    public EntityBuilder multiSelect(String name, OptionMetadata... options) {
        return add(attr(name, AttributeType.MultiSelectPicklist, 0, null, null, 0, List.of(), Arrays.asList(options)));
    }

    /** A lookup column with one relationship per target, named {@code <relationship>} or generated. */
    public EntityBuilder lookup(String name, String relationshipName, CascadeType cascadeDelete, String... targets) {
        return lookupOf(AttributeType.Lookup, name, relationshipName, cascadeDelete, targets);
    }

    public EntityBuilder customer(String name, String accountRelationship, String contactRelationship, CascadeType cascade) {
        lookupOf(AttributeType.Customer, name, null, cascade, "account", "contact");
        relationships.removeIf(r -> r.referencingEntity().equals(logicalName) && r.referencingAttribute().equals(name));
        relationships.add(RelationshipMetadata.oneToMany(accountRelationship, "account", "accountid", logicalName, name, cascade));
        relationships.add(RelationshipMetadata.oneToMany(contactRelationship, "contact", "contactid", logicalName, name, cascade));
        return this;
    }

    private EntityBuilder lookupOf(AttributeType type, String name, String relationshipName, CascadeType cascadeDelete,
                                   String... targets) {
        add(attr(name, type, 0, null, null, 0, List.of(targets), List.of()));
        for (String target : targets) {
            String rel = relationshipName != null && targets.length == 1 ? relationshipName
                    : relationshipName != null ? relationshipName.replace("{target}", target)
                    : target + "_" + logicalName + "_" + name;
            relationships.add(RelationshipMetadata.oneToMany(rel, target, target + "id", logicalName, name, cascadeDelete));
        }
        return this;
    }

    /** Marks a column SystemRequired (enforced on every write). */
    public EntityBuilder required(String name) {
        required.add(name);
        return this;
    }

    public EntityMetadata build() {
        List<AttributeMetadata> all = new ArrayList<>();
        all.add(new AttributeMetadata(primaryId, null, AttributeType.Uniqueidentifier, RequiredLevel.SystemRequired,
                0, null, null, 0, List.of(), null, List.of(), true, false, custom));
        if (primaryName != null) {
            all.add(attr(primaryName, AttributeType.String, primaryNameLength, null, null, 0, List.of(), List.of()));
        }
        all.addAll(attributes);
        addSystem(all, attr("createdon", AttributeType.DateTime, 0, null, null, 0, List.of(), List.of()), false);
        all.add(systemLookup("createdby", "systemuser"));
        all.add(systemLookup("createdonbehalfby", "systemuser"));
        addSystem(all, attr("modifiedon", AttributeType.DateTime, 0, null, null, 0, List.of(), List.of()), false);
        all.add(systemLookup("modifiedby", "systemuser"));
        all.add(systemLookup("modifiedonbehalfby", "systemuser"));
        addSystem(all, attr("versionnumber", AttributeType.BigInt, 0, null, null, 0, List.of(), List.of()), false);
        if (ownership == OwnershipType.UserOwned) {
            all.add(new AttributeMetadata("ownerid", "OwnerId", AttributeType.Owner, RequiredLevel.SystemRequired, 0,
                    null, null, 0, List.of("systemuser", "team"), null, List.of(), true, true, false));
            all.add(systemLookup("owningbusinessunit", "businessunit"));
        }
        if (states != null) {
            all.add(new AttributeMetadata("statecode", "StateCode", AttributeType.State, RequiredLevel.SystemRequired,
                    0, null, null, 0, List.of(), logicalName + "_statecode", states, true, true, false));
            all.add(new AttributeMetadata("statuscode", "StatusCode", AttributeType.Status, RequiredLevel.None,
                    0, null, null, 0, List.of(), logicalName + "_statuscode", statuses, true, true, false));
        }
        for (int i = 0; i < all.size(); i++) {
            if (required.remove(all.get(i).logicalName())) all.set(i, all.get(i).withRequiredLevel(RequiredLevel.SystemRequired));
        }
        if (!required.isEmpty()) throw new IllegalArgumentException(logicalName + " has no attribute " + required);
        if (schemaName == null) schemaName = logicalName;
        return new EntityMetadata(logicalName, schemaName, entitySetName, primaryId, primaryName, ownership,
                activity, custom, all);
    }

    /** The relationships of this table's lookup columns, including the audit and ownership lookups. */
    public List<RelationshipMetadata> relationships() {
        List<RelationshipMetadata> all = new ArrayList<>(relationships);
        String lk = "lk_" + logicalName + "_";
        for (String a : List.of("createdby", "createdonbehalfby", "modifiedby", "modifiedonbehalfby")) {
            all.add(RelationshipMetadata.oneToMany(lk + a, "systemuser", "systemuserid", logicalName, a, CascadeType.RemoveLink));
        }
        if (ownership == OwnershipType.UserOwned) {
            all.add(RelationshipMetadata.oneToMany("business_unit_" + logicalName, "businessunit", "businessunitid",
                    logicalName, "owningbusinessunit", CascadeType.Restrict));
        }
        return all;
    }

    private static AttributeMetadata systemLookup(String name, String target) {
        return new AttributeMetadata(name, null, AttributeType.Lookup, RequiredLevel.None, 0, null, null, 0,
                List.of(target), null, List.of(), false, false, false);
    }

    private static void addSystem(List<AttributeMetadata> all, AttributeMetadata a, boolean writable) {
        all.add(new AttributeMetadata(a.logicalName(), a.schemaName(), a.type(), a.requiredLevel(), a.maxLength(),
                a.minValue(), a.maxValue(), a.precision(), a.targets(), a.optionSetName(), a.options(), writable,
                writable, false));
    }

    private AttributeMetadata attr(String name, AttributeType type, int maxLength, Double min, Double max,
                                   int precision, List<String> targets, List<OptionMetadata> options) {
        return new AttributeMetadata(name, null, type, RequiredLevel.None, maxLength, min, max, precision, targets,
                null, options, true, true, custom);
    }
}
