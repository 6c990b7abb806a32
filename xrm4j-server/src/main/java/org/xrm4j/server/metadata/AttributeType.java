package org.xrm4j.server.metadata;

/** The SDK's AttributeTypeCode values that xrm4j stores. */
public enum AttributeType {
    String, Memo, Integer, BigInt, Decimal, Double, Money, Boolean, DateTime, Uniqueidentifier,
    Lookup, Customer, Owner, Picklist, State, Status, MultiSelectPicklist, EntityName, File, Image;

    /** A column that points at other records (holds a record id). */
    public boolean isLookup() { return this == Lookup || this == Customer || this == Owner; }

    /** A file or image column: the row holds the file's id, the bytes live in the organization's file table. */
    public boolean isFile() { return this == File || this == Image; }

    /** A column whose values come from an option set. */
    public boolean isChoice() { return this == Picklist || this == State || this == Status || this == MultiSelectPicklist; }
}
