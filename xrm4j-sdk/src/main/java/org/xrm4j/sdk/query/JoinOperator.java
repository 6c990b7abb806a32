package org.xrm4j.sdk.query;

public enum JoinOperator { Inner, LeftOuter, Natural }
