package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.RefusedDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as "the database does not answer": the driver's own failure to connect, however wrapped. */
class DatabaseOutageTest {

    @Test
    void aRefusedConnectionIsAnOutageHoweverItIsWrapped() throws Exception {
        SQLException refused = RefusedDatabase.refusedConnection();

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
