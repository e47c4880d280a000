package com.jewellery.ordertracing.base;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the portal's database cannot be reached (down, restarting, network cut) from any
 * other failure, so people get "the database does not answer, try again" instead of "something went wrong".
 */
public final class DatabaseOutage {

    /** Causes are followed this deep; a cycle or an absurd chain stops there. */
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {}

    /** Whether the failure or one of its causes says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (isOutage(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isOutage(Throwable failure) {
        if (failure instanceof CannotCreateTransactionException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // 08: connection exceptions; 57P01-57P03: the server shuts down, crashed, or cannot accept connections yet
        return failure instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }
}
