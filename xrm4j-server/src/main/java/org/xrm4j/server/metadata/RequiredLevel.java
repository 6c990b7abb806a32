package org.xrm4j.server.metadata;

/** The SDK's AttributeRequiredLevel. Only SystemRequired is enforced by the service, as in Dataverse. */
public enum RequiredLevel { None, Recommended, ApplicationRequired, SystemRequired }
