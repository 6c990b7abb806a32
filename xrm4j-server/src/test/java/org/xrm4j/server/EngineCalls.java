package org.xrm4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.WhoAmIRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryBase;
import org.xrm4j.sdk.query.QueryExpression;

/**
 * The engine called in-process, as the HTTP surfaces call it, for the engine and query contract suites: typed
 * requests in, typed responses out, faults as {@link FaultException}. Calls run as the deployment administrator
 * unless a token (and CallerId) is given.
 */
public final class EngineCalls {
    private final TestServers.TestServer server;

    public EngineCalls(TestServers.TestServer server) { this.server = server; }

    public XrmEngine engine() { return server.server().engine(); }

    public String organization() { return server.organization(); }

    public OrganizationResponse execute(OrganizationRequest request) { return executeAs(TestServers.ADMIN_TOKEN, null, request); }

    public OrganizationResponse executeAs(String token, UUID callerId, OrganizationRequest request) {
        return engine().execute(server.organization(), token, callerId, request);
    }

    public UUID create(Entity target) { return ((CreateResponse) execute(new CreateRequest(target))).id(); }

    public void update(Entity target) { execute(new UpdateRequest(target)); }

    public void delete(String entity, UUID id) { execute(new DeleteRequest(new EntityReference(entity, id))); }

    /** The record with the named columns, or all of them when none are named. */
    public Entity retrieve(String entity, UUID id, String... columns) {
        ColumnSet set = columns.length == 0 ? ColumnSet.all() : new ColumnSet(columns);
        return ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference(entity, id), set))).entity();
    }

    public EntityCollection retrieveMultiple(QueryBase query) {
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(query))).entityCollection();
    }

    /** Whether the record exists, asked through a query so that a missing one is not a fault. */
    public boolean exists(String entity, UUID id) {
        String key = engine().deployment().organization(server.organization()).metadata().entity(entity).primaryIdAttribute();
        QueryExpression q = new QueryExpression(entity).columnSet(new ColumnSet(key));
        q.criteria().addCondition(key, ConditionOperator.Equal, id);
        return !retrieveMultiple(q).entities().isEmpty();
    }

    /** The ids of the records of {@code entity} whose {@code attribute} equals {@code value}. */
    public List<UUID> idsWhere(String entity, String attribute, Object value) {
        QueryExpression q = new QueryExpression(entity);
        q.criteria().addCondition(attribute, ConditionOperator.Equal, value);
        return retrieveMultiple(q).entities().stream().map(Entity::id).toList();
    }

    public WhoAmIResponse whoAmI() { return (WhoAmIResponse) execute(new WhoAmIRequest()); }

    /** Runs {@code request}, which must fault; answers the fault for further checks. */
    public FaultException faultOf(OrganizationRequest request) {
        try {
            execute(request);
        } catch (FaultException e) {
            return e;
        }
        throw new AssertionError(request.requestName() + " did not fault");
    }

    /** Runs {@code call}, which must fault with {@code code}; answers the fault for further checks. */
    public static FaultException fault(ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the fault %s", code.name()).isInstanceOf(FaultException.class);
        FaultException f = (FaultException) thrown;
        assertThat(f.errorCode()).as("fault code of: %s", f.getMessage()).isEqualTo(code.code());
        return f;
    }

    /** A short marker unique to one test, to find its records among those of the other tests of the class. */
    public static String tag() { return "x" + UUID.randomUUID().toString().replace("-", "").substring(0, 12); }
}
