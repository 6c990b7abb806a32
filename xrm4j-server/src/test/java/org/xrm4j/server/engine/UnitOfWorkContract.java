package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.server.TestServers;

/**
 * What a unit of work makes visible when: a publication (a new metadata snapshot) before its rows are visible to
 * other connections, so that no one reads the rows without it; after-commit actions once they are; neither on
 * rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnitOfWorkContract {
    TestServers.TestServer server;
    String table;

    abstract String database();

    @BeforeAll void start() throws SQLException {
        server = TestServers.start(database());
        table = server.org().store().table("uow_probe");
        try (Connection c = server.server().database().connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (n INTEGER NOT NULL)");
        }
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    @Test void aPublicationComesBeforeTheCommitAndAfterCommitActionsAfterIt() throws SQLException {
        List<String> seen = new ArrayList<>();
        try (UnitOfWork uow = UnitOfWork.begin(server.server().database())) {
            insert(uow, 1);
            uow.publishAtCommit(() -> seen.add("published, rows visible: " + rows(1)), () -> seen.add("withdrawn"));
            uow.afterCommit(() -> seen.add("after commit, rows visible: " + rows(1)));
            uow.commit();
        }
        assertThat(seen).containsExactly("published, rows visible: 0", "after commit, rows visible: 1");
    }

    @Test void aRolledBackUnitPublishesNothing() throws SQLException {
        List<String> seen = new ArrayList<>();
        try (UnitOfWork uow = UnitOfWork.begin(server.server().database())) {
            insert(uow, 2);
            uow.publishAtCommit(() -> seen.add("published"), () -> seen.add("withdrawn"));
            uow.afterCommit(() -> seen.add("after commit"));
            uow.rollback();
        }
        assertThat(seen).isEmpty();
        assertThat(rows(2)).isZero();
    }

    private void insert(UnitOfWork uow, int n) throws SQLException {
        try (Statement s = uow.connection().createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (n) VALUES (" + n + ")");
        }
    }

    /** The rows holding {@code n}, as another connection sees them. */
    private long rows(int n) {
        try (Connection c = server.server().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE n = " + n)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
