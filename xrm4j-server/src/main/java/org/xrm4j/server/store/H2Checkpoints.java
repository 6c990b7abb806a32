package org.xrm4j.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes an H2 file database's commits durable with group commit. H2 acknowledges a commit before writing it (its
 * write delay, half a second by default); forcing a write on every commit ({@code WRITE_DELAY=0}) costs a bulk load
 * half its speed. Instead, each request that may have committed asks for a checkpoint before it answers, and one
 * checkpoint serves every request that asked while the previous one ran. A killed process keeps every commit some
 * client was told about; what no client saw yet may be lost, and rolls back as a whole.
 *
 * <p>Tickets order the requests: a request's commits all precede its ticket, so a checkpoint that begins after the
 * ticket was drawn covers them.
 */
final class H2Checkpoints implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final AtomicLong requested = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private long covered;
    private Connection connection;

    H2Checkpoints(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts a checkpoint in the background, so that a later {@link #flush()} has less left to write. */
    void flushSoon() {
        Thread.ofVirtual().start(() -> {
            try {
                flush();
            } catch (StoreException e) {
                // The flush a request makes before it answers reports the failure.
            }
        });
    }

    void flush() {
        long ticket = requested.incrementAndGet();
        lock.lock();
        try {
            if (covered >= ticket) return;
            long through = requested.get();
            try (Statement s = connection().createStatement()) {
                s.execute("CHECKPOINT");
            }
            covered = through;
        } catch (SQLException e) {
            closeConnection();
            throw new StoreException("Cannot write the committed changes to disk", e);
        } finally {
            lock.unlock();
        }
    }

    /** Its own connection, outside the pool, so that a request never waits for a pooled one just to checkpoint. */
    private Connection connection() throws SQLException {
        if (connection == null) connection = DriverManager.getConnection(url, user, password);
        return connection;
    }

    private void closeConnection() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a broken connection: nothing left to release.
        }
        connection = null;
    }

    @Override public void close() {
        lock.lock();
        try {
            closeConnection();
        } finally {
            lock.unlock();
        }
    }
}
