package org.xrm4j.sdk;

/** The outcome of one request of an ExecuteMultiple: its 0-based index and either its response or its fault. */
public record ExecuteMultipleResponseItem(int requestIndex, OrganizationResponse response, OrganizationServiceFault fault) {}
