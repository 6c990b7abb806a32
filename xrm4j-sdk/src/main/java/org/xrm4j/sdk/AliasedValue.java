package org.xrm4j.sdk;

/** A linked table's column on a query result, named {@code alias.column}. */
public record AliasedValue(String entityLogicalName, String attributeLogicalName, Object value) {}
