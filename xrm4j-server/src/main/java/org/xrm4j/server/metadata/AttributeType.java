package org.xrm4j.server.metadata;

/** The SDK's AttributeTypeCode values that xrm4j stores. */
public enum AttributeType {
    String, Memo, Integer, BigInt, Decimal, Double, Money, Boolean, DateTime, Uniqueidentifier,
    Lookup, Customer, Owner, Picklist, State, Status, MultiSelectPicklist, EntityName;

    /** A column that points at other records (holds a record id). */
    public boolean isLookup() { return this == Lookup || this == Customer || this == Owner; }

    /** A column whose values come from an option set. */
    public boolean isChoice() { return this == Picklist || this == State || this == Status || this == MultiSelectPicklist; }
}
