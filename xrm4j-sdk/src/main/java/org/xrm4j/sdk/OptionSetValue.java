package org.xrm4j.sdk;

/** A choice value (picklist, state or status). */
public record OptionSetValue(int value) {}
