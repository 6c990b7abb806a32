package org.xrm4j.server.solutions;

import java.util.concurrent.atomic.AtomicReference;
import org.xrm4j.server.engine.UnitOfWork;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.organization.Organization;

/**
 * A metadata change becomes the organization's snapshot with the commit that stores it, not after: a client polling a
 * system job that imported tables may use them as soon as it reads the job's success.
 */
final class MetadataPublication {
    private MetadataPublication() {}

    static void atCommit(UnitOfWork uow, Organization org, OrganizationMetadata next) {
        AtomicReference<OrganizationMetadata> before = new AtomicReference<>();
        uow.publishAtCommit(() -> before.set(swap(org, next)), () -> org.metadata(before.get()));
    }

    private static OrganizationMetadata swap(Organization org, OrganizationMetadata next) {
        OrganizationMetadata before = org.metadata();
        org.metadata(next);
        return before;
    }
}
