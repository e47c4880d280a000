package com.jewellery.ordertracing.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Plain JDBC access to the test database, for tests that need no Spring context. */
public final class TestDatabase {

    public static final String URL =
            System.getenv().getOrDefault("PORTAL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:15432/portal_test");
    public static final String USER = "portal";
    public static final String PASSWORD = "portal";
    /** What the portal's pool runs on each new connection (application.yml, connection-init-sql). */
    public static final String PORTAL_CONNECTION_INIT = "SET plan_cache_mode = force_custom_plan";

    private TestDatabase() {}

    /** A pool as the portal's: the test user, the portal's connection set-up; started on first use. */
    public static HikariDataSource pool(String url, int size) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(USER);
        dataSource.setPassword(PASSWORD);
        dataSource.setMaximumPoolSize(size);
        dataSource.setConnectionInitSql(PORTAL_CONNECTION_INIT);
        return dataSource;
    }

    /** Points a Spring test context's database and Flyway at a schema of its own. */
    public static void ownSchema(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /** Creates the schema and applies every migration to it, as the portal's Flyway does at start. */
    public static void migrate(String schema) {
        Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
