package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every migration applies, in order, on an empty schema of the real PostgreSQL. */
class FlywayMigrationIT {

    private final String schema = "migration_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void allMigrationsApplyOnAnEmptyDatabase() throws Exception {
        MigrateResult result = flyway().migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(tablesInSchema()).contains("audit_event", "flyway_schema_history");
        assertThat(flyway().migrate().migrationsExecuted).as("a second run has nothing left to do").isZero();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load();
    }

    private List<String> tablesInSchema() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
             ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
