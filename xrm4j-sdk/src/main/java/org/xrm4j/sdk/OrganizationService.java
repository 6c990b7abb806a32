package org.xrm4j.sdk;

import java.util.UUID;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.QueryBase;

/**
 * The Organization service: {@link #execute} carries any message; the other methods are the SDK's shortcuts for the
 * five everyday ones. Every failure is a {@link FaultException}.
 */
public interface OrganizationService {
    OrganizationResponse execute(OrganizationRequest request);

    default UUID create(Entity entity) {
        return ((CreateResponse) execute(new CreateRequest(entity))).id();
    }

    default Entity retrieve(String entityName, UUID id, ColumnSet columnSet) {
        return ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference(entityName, id), columnSet))).entity();
    }

    default void update(Entity entity) { execute(new UpdateRequest(entity)); }

    default void delete(String entityName, UUID id) { execute(new DeleteRequest(new EntityReference(entityName, id))); }

    default EntityCollection retrieveMultiple(QueryBase query) {
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(query))).entityCollection();
    }
}
