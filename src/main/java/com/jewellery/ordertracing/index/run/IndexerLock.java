package com.jewellery.ordertracing.index.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one portal instance index at a time: a PostgreSQL session-level advisory lock held on a connection
 * of its own, outside the pool. When the holder dies its connection closes and PostgreSQL releases the
 * lock; another instance's next {@link #holdOrAcquire()} takes it over. Not thread-safe: the indexer
 * thread owns it.
 */
final class IndexerLock implements AutoCloseable {

    /** Opens a new connection to the portal database. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(IndexerLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 3;

    private final Connections connections;
    private final long key;
    private Connection connection;
    private boolean held;
    private long terms;

    IndexerLock(Connections connections, long key) {
        this.connections = connections;
        this.key = key;
    }

    /**
     * Whether this instance holds the lock after the call: keeps it while its connection lives, else tries
     * to take it.
     *
     * @throws SQLException when the database cannot be reached; the lock is then not held
     */
    boolean holdOrAcquire() throws SQLException {
        if (connection != null && !connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            if (held) {
                log.warn("Lost the indexer lock: its database connection broke");
            }
            closeConnection();
        }
        if (!held) {
            try {
                held = tryLock();
                terms += held ? 1 : 0;
            } catch (SQLException failure) {
                closeConnection();
                throw failure;
            }
        }
        return held;
    }

    boolean held() {
        return held;
    }

    /** How many times this instance has taken the lock: a new term means another may have indexed meanwhile. */
    long terms() {
        return terms;
    }

    /**
     * Gives the lock up, so another instance can take over at once: unlocked explicitly, as closing the connection
     * alone frees the lock only once the server's session has ended, which can be after another instance's next
     * attempt (seen in CI: "the lock is free at once" failed).
     */
    @Override
    public void close() {
        if (held && connection != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException unreachable) {
                log.debug("Unlocking the indexer lock failed; closing its session frees it", unreachable);
            }
        }
        closeConnection();
    }

    private boolean tryLock() throws SQLException {
        if (connection == null) {
            connection = connections.open();
            connection.setAutoCommit(true);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Closing the session releases its advisory locks, once the server has ended it. */
    private void closeConnection() {
        held = false;
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            log.debug("Closing the indexer lock connection failed; the session ends with it anyway", ignored);
        }
        connection = null;
    }
}
