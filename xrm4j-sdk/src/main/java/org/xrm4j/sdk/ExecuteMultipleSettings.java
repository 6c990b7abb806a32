package org.xrm4j.sdk;

/** How an ExecuteMultiple runs: go on after a fault or stop; answer every request or only the faults. */
public record ExecuteMultipleSettings(boolean continueOnError, boolean returnResponses) {}
