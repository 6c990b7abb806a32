package org.xrm4j.server.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.xrm4j.server.store.Database;
import org.xrm4j.server.store.StoreException;

/**
 * One database transaction. A top-level request begins one; nested calls (a plug-in calling the service) join it,
 * so their changes commit or roll back with their caller's.
 */
public final class UnitOfWork implements AutoCloseable {
    private final Database database;
    private final Connection connection;
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
    private final java.util.List<Publication> publications = new java.util.ArrayList<>();
    private final java.util.List<Runnable> onClose = new java.util.ArrayList<>();
    private boolean done;

    private UnitOfWork(Database database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    public static UnitOfWork begin(Database db) {
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            return new UnitOfWork(db, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Cannot begin a transaction", e);
        }
    }

    public Connection connection() { return connection; }

    /** The database this unit runs on: where work that must commit apart from it (progress a client watches) goes. */
    public Database database() { return database; }

    public void commit() {
        for (Publication p : publications) p.publish().run();
        try {
            connection.commit();
            done = true;
        } catch (SQLException e) {
            for (Publication p : publications.reversed()) p.withdraw().run();
            throw new StoreException("Commit failed", e);
        }
        for (Runnable r : afterCommit) r.run();
    }

    /** Runs {@code action} once this unit commits (never if it rolls back): e.g. waking the job workers. */
    public void afterCommit(Runnable action) { afterCommit.add(action); }

    private record Publication(Runnable publish, Runnable withdraw) {}

    /**
     * Makes {@code publish} visible together with this unit's commit: it runs just before the commit, so whoever reads
     * what the commit wrote (a system job's "Succeeded") also sees it; {@code withdraw} takes it back if the commit
     * fails. Never runs if the unit rolls back.
     */
    public void publishAtCommit(Runnable publish, Runnable withdraw) { publications.add(new Publication(publish, withdraw)); }

    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreException("Rollback failed", e);
        } finally {
            done = true;
        }
    }

    public Savepoint savepoint() {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new StoreException("Cannot set a savepoint", e);
        }
    }

    public void rollbackTo(Savepoint sp) {
        try {
            connection.rollback(sp);
        } catch (SQLException e) {
            throw new StoreException("Cannot roll back to a savepoint", e);
        }
    }

    public void release(Savepoint sp) {
        try {
            connection.releaseSavepoint(sp);
        } catch (SQLException e) {
            throw new StoreException("Cannot release a savepoint", e);
        }
    }

    /**
     * Runs {@code action} when this unit closes, committed or not, on the still open connection after any rollback:
     * e.g. releasing a lock held for the unit's whole life, or undoing DDL a database committed on its own.
     */
    public void onClose(Runnable action) { onClose.add(action); }

    /** Rolls back whatever was not committed, runs the close actions and returns the connection to the pool. */
    @Override public void close() {
        try {
            if (!done) connection.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
        try {
            for (Runnable r : onClose) r.run();
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the pool discards a broken connection
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try { c.close(); } catch (SQLException ignored) { /* nothing to do */ }
    }
}
