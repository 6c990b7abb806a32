package org.xrm4j.sdk.query;

public enum LogicalOperator { And, Or }
