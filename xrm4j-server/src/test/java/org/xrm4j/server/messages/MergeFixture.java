package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.store.StoreException;

/**
 * What the Merge contract suites share: a server with its own organization, the Java client over HTTP (so requests, faults
 * and values cross the wire), and a few readings of the database that the service has no message for (counts of
 * thousands of children).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MergeFixture {
    TestServers.TestServer server;
    HttpOrganizationService client;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        client = client(TestServers.ADMIN_TOKEN);
    }

    @AfterAll void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    HttpOrganizationService client(String token) {
        return HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(token).build();
    }

    UUID account(String name) { return client.create(new Entity("account").set("name", name)); }

    UUID contactOf(String parentEntity, UUID parent) {
        return client.create(new Entity("contact").set("lastname", "Child")
                .set("parentcustomerid", new EntityReference(parentEntity, parent)));
    }

    static MergeRequest merge(String entity, UUID master, UUID subordinate, Entity updateContent, boolean parentingChecks) {
        return new MergeRequest().target(new EntityReference(entity, master)).subordinateId(subordinate)
                .updateContent(updateContent).performParentingChecks(parentingChecks);
    }

    OrganizationResponse execute(OrganizationRequest request) { return client.execute(request); }

    Entity retrieve(String entity, UUID id, String... columns) { return client.retrieve(entity, id, new ColumnSet(columns)); }

    static int state(Entity e) { return e.get("statecode", OptionSetValue.class).value(); }

    static int status(Entity e) { return e.get("statuscode", OptionSetValue.class).value(); }

    static UUID lookup(Entity e, String attribute) {
        EntityReference r = e.get(attribute, EntityReference.class);
        return r == null ? null : r.id();
    }

    /** Runs {@code call}, which must fault with {@code code}; answers the fault's message. */
    static String fault(ErrorCode code, Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("expected the fault %s", code.name()).isInstanceOf(FaultException.class);
        assertThat(((FaultException) thrown).errorCode()).as("fault code of: %s", thrown.getMessage()).isEqualTo(code.code());
        return thrown.getMessage();
    }

    /** Creates {@code count} contacts under a parent through ExecuteMultiple batches of 1000 (the bulk path). */
    void createContacts(String parentEntity, UUID parent, int count) {
        for (int from = 0; from < count; from += 1000) {
            List<OrganizationRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                batch.add(new CreateRequest(new Entity("contact").set("lastname", "Bulk " + i)
                        .set("parentcustomerid", new EntityReference(parentEntity, parent))));
            }
            ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(batch, new ExecuteMultipleSettings(false, false)));
            assertThat(r.isFaulted()).isFalse();
        }
    }

    /** Rows of {@code entity} whose {@code column} equals {@code value}, counted in the database. */
    long countWhere(String entity, String column, UUID value) {
        var store = server.org().store();
        return scalar("SELECT COUNT(*) FROM " + store.table(entity) + " WHERE " + store.quote(column) + " = ?", value);
    }

    /** {@code MIN} or {@code MAX} of versionnumber over the rows of {@code entity} whose {@code column} equals {@code value}. */
    long versionWhere(String aggregate, String entity, String column, UUID value) {
        var store = server.org().store();
        return scalar("SELECT " + aggregate + "(" + store.quote("versionnumber") + ") FROM " + store.table(entity) + " WHERE "
                + store.quote(column) + " = ?", value);
    }

    private long scalar(String sql, UUID param) {
        try (Connection c = server.server().engine().deployment().database().connection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("test query failed", e);
        }
    }

    /** Takes every role from a user, as an administrator removing them would. */
    void removeRoles(UUID userId) {
        var org = server.org();
        var db = server.server().engine().deployment().database();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + db.dialect().table(org.schema(), "xrm_userrole")
                     + " WHERE systemuserid = ?")) {
            ps.setObject(1, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("test update failed", e);
        }
        org.users().invalidate(userId);
    }
}
