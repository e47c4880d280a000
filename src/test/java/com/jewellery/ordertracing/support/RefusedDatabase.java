package com.jewellery.ordertracing.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL driver's own failure when nothing listens at the database's address, as a real cause chain. */
public final class RefusedDatabase {

    private RefusedDatabase() {}

    public static SQLException refusedConnection() throws IOException {
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
}
