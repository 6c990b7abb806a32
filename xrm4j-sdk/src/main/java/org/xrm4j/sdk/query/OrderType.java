package org.xrm4j.sdk.query;

public enum OrderType { Ascending, Descending }
