package com.jewellery.ordertracing.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC access to the test database, for tests that need no Spring context. */
public final class TestDatabase {

    public static final String URL =
            System.getenv().getOrDefault("PORTAL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:15432/portal_test");
    public static final String USER = "portal";
    public static final String PASSWORD = "portal";

    private TestDatabase() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
