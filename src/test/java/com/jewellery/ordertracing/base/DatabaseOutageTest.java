package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as "the database does not answer": the driver's own failure to connect, however wrapped. */
class DatabaseOutageTest {

    /** The PostgreSQL driver's real answer when nothing listens at the database's address. */
    static SQLException refusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort + "/portal", "portal", "portal")
                    .close();
            throw new AssertionError("nothing listens on " + closedPort + ", yet a connection opened");
        } catch (SQLException refused) {
            return refused;
        }
    }

    @Test
    void aRefusedConnectionIsAnOutageHoweverItIsWrapped() throws Exception {
        SQLException refused = refusedConnection();

        assertThat(refused.getSQLState()).startsWith("08");
        assertThat(DatabaseOutage.causedBy(refused)).isTrue();
        assertThat(DatabaseOutage.causedBy(
                        new CannotCreateTransactionException("Could not open JPA EntityManager", refused)))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(
                        "listener failed", new CannotCreateTransactionException("no transaction", refused))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(null)).isFalse();
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }
}
