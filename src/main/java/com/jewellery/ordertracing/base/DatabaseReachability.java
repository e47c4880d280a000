package com.jewellery.ordertracing.base;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Whether a failure is the database's: by the failure itself ({@link DatabaseOutage}), or, when its type does not
 * tell (a rollback that failed after the connection broke overrides the original error with one of its own), by
 * asking the database at once. Only called on a failure's way out, so the extra question costs nothing normally.
 */
@Component
public class DatabaseReachability {

    private static final int VALID_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseReachability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the database being unreachable explains the failure. */
    public boolean explains(Throwable failure) {
        return DatabaseOutage.causedBy(failure) || !answers();
    }

    /** Whether the database hands out a working connection now (within the pool's connection timeout). */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
