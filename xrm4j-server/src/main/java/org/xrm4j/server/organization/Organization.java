package org.xrm4j.server.organization;

import java.util.UUID;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.security.UserDirectory;
import org.xrm4j.server.store.RecordStore;

/**
 * One organization: its name, its database schema, and the current metadata snapshot. Organizations share the
 * database and the pool but never a table: every statement names the organization's schema.
 */
public final class Organization {
    private final String uniqueName;
    private final UUID organizationId;
    private final String schema;
    private final UUID rootBusinessUnitId;
    private final RecordStore store;
    private final UserDirectory users;
    private volatile OrganizationMetadata metadata;

    public Organization(String uniqueName, UUID organizationId, String schema, UUID rootBusinessUnitId,
                        OrganizationMetadata metadata, RecordStore store, UserDirectory users) {
        this.uniqueName = uniqueName;
        this.organizationId = organizationId;
        this.schema = schema;
        this.rootBusinessUnitId = rootBusinessUnitId;
        this.metadata = metadata;
        this.store = store;
        this.users = users;
    }

    public String uniqueName() { return uniqueName; }
    public UUID organizationId() { return organizationId; }
    public String schema() { return schema; }
    public UUID rootBusinessUnitId() { return rootBusinessUnitId; }
    public RecordStore store() { return store; }
    public UserDirectory users() { return users; }

    /** The current metadata snapshot; take it once per request. */
    public OrganizationMetadata metadata() { return metadata; }

    /** Publishes a new snapshot after a committed metadata change. */
    public void metadata(OrganizationMetadata snapshot) { this.metadata = snapshot; }
}
