package org.xrm4j.server.metadata;

/** Who owns a table's records: a user or team (UserOwned), the organization, or a business unit. */
public enum OwnershipType { UserOwned, OrganizationOwned, BusinessOwned, None }
