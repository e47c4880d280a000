package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Every migration in {@code db/migrations} applies, in order, on an empty schema of the real PostgreSQL, and
 * the result is the schema the code needs: every JPA entity validates against it, and the journey table is
 * partitioned and compressed as the indexer and retention expect.
 */
class FlywayMigrationIT {

    private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+)__.+\\.sql");

    private final String schema =
            "migration_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void everyMigrationFileAppliesInOrderOnAnEmptyDatabase() throws Exception {
        List<String> files = migrationVersionsOnDisk();

        MigrateResult result = flyway().migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(files.size());
        assertThat(Arrays.stream(flyway().info().applied())
                        .filter(info -> info.getVersion() != null)
                        .map(info -> info.getVersion().getVersion())
                        .toList())
                .as("applied, in version order")
                .isEqualTo(files);
        assertThat(flyway().info().applied())
                .extracting(MigrationInfo::getState)
                .containsOnly(MigrationState.SUCCESS);
        assertThat(flyway().migrate().migrationsExecuted)
                .as("a second run has nothing left to do")
                .isZero();
    }

    @Test
    void everyEntityMatchesTheMigratedSchema() {
        flyway().migrate();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource());
        factory.setPackagesToScan("com.jewellery.ordertracing");
        factory.setPersistenceProviderClass(HibernatePersistenceProvider.class);
        // validate fails the start when a table or column an entity maps is missing or of the wrong type
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate", "hibernate.default_schema", schema));
        factory.afterPropertiesSet();

        assertThat(factory.getObject().getMetamodel().getEntities()).isNotEmpty();
        factory.destroy();
    }

    @Test
    void journeysArePartitionedByFirstSeenAndStoredCompressed() throws Exception {
        flyway().migrate();
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            ResultSet partitioning = statement.executeQuery("""
                    SELECT pg_get_partkeydef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '%s' AND c.relname = 'order_journey'""".formatted(schema));
            assertThat(partitioning.next()).isTrue();
            assertThat(partitioning.getString(1)).isEqualTo("RANGE (first_seen)");
            ResultSet compression = statement.executeQuery("""
                    SELECT a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '%s' AND c.relname = 'order_journey' AND a.attname = 'journey'""".formatted(schema));
            assertThat(compression.next()).isTrue();
            assertThat(compression.getString(1)).as("lz4").isEqualTo("l");
        }
        assertThat(tablesInSchema())
                .contains(
                        "order_journey",
                        "indexer_cursor",
                        "indexer_backfill",
                        "alert_rule",
                        "alert",
                        "alert_notification",
                        "audit_event")
                .doesNotContain("order_span");
    }

    @Test
    void journeysStoredBeforeV24NameTheStageWhereTheirFailureStarted() {
        flywayUpTo("23").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        // as the indexer wrote a pricing error before: the latest error, the MES consumer span's
        jdbc.update("""
                INSERT INTO order_journey (order_id, first_seen, last_seen, last_stage, outcome, has_error,
                    error_stage, error_message, trace_ids, journey, indexed_at)
                VALUES ('ORD-V24', now(), now(), 'mes.price', 'FAILED', true, 'mes.consume', 'no quote',
                    ARRAY['t'], CAST(? AS jsonb), now())""", """
                {"stages": [{"definition": {"id": "mes.consume"}}, {"definition": {"id": "mes.price"}}],
                 "errors": [
                   {"stageId": "mes.price", "time": "2026-11-03T09:14:22.100000001Z", "message": "no quote",
                    "exceptionType": "com.example.Pricing$PricingException"},
                   {"stageId": "mes.consume", "time": "2026-11-03T09:14:22.2Z", "message": "no quote",
                    "exceptionType": "com.example.Pricing$PricingException"}]}""");

        flyway().migrate();

        assertThat(jdbc.queryForMap("SELECT error_stage, error_message FROM order_journey WHERE order_id = 'ORD-V24'"))
                .containsEntry("error_stage", "mes.price")
                .containsEntry("error_message", "PricingException: no quote");
    }

    @Test
    void measurementsStoredBeforeV25BecomeARowPerOrderAndTheDrillDownsRows() {
        flywayUpTo("24").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        // a day's partition, as the indexer's partition maintenance makes them
        jdbc.execute("CREATE TABLE order_journey_p20261103 PARTITION OF order_journey "
                + "FOR VALUES FROM ('2026-11-03 00:00:00+00') TO ('2026-11-04 00:00:00+00')");
        // 30 orders priced in one minute (the 4th failed), each also received; and a rollup row of that minute
        jdbc.update("""
                INSERT INTO stage_measurement (order_id, stage_id, first_seen, ended_at, duration_us, bucket, error, sla_ok)
                SELECT 'ORD-V25-' || n, s, TIMESTAMPTZ '2026-11-03 09:00:00+00' + n * INTERVAL '1 second',
                    TIMESTAMPTZ '2026-11-03 09:14:00+00' + n * INTERVAL '1 second', 1000 * n, n, s = 'mes.price' AND n = 4, true
                FROM generate_series(1, 30) AS n, unnest(ARRAY['mes.consume', 'mes.price']) AS s""");
        jdbc.update("""
                INSERT INTO stage_rollup_minute (stage_id, bucket_start, counts, orders, errors, sla_ok)
                VALUES ('mes.price', TIMESTAMPTZ '2026-11-03 09:14:00+00', '{1}', 30, 1, 30)""");
        List<Map<String, Object>> before =
                jdbc.queryForList("SELECT * FROM stage_measurement ORDER BY order_id, stage_id");

        flyway().migrate();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM order_measurement_p20261103", Integer.class))
                .as("in the day's partition, made like the journeys'")
                .isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stage_drill_down_p20261103", Integer.class))
                .isEqualTo(41);
        assertThat(jdbc.queryForList("SELECT * FROM stage_measurement ORDER BY order_id, stage_id"))
                .as("the view gives the rows as they were")
                .isEqualTo(before);
        assertThat(jdbc.queryForList(
                        "SELECT order_id FROM stage_drill_down WHERE stage_id = 'mes.price' AND slowest", String.class))
                .as("the minute's 20 slowest")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(11, 30)
                        .mapToObj(n -> "ORD-V25-" + n)
                        .toList());
        assertThat(jdbc.queryForList(
                        "SELECT order_id FROM stage_drill_down WHERE stage_id = 'mes.price' AND NOT slowest",
                        String.class))
                .as("and the failed one")
                .containsExactly("ORD-V25-4");
        assertThat(jdbc.queryForObject("SELECT first_seen_from FROM stage_rollup_minute", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2026-11-03T09:00:01Z"));
        assertThat(jdbc.queryForObject("SELECT first_seen_until FROM stage_rollup_minute", OffsetDateTime.class))
                .as("V26")
                .isEqualTo(OffsetDateTime.parse("2026-11-03T09:00:30Z"));
    }

    private static List<String> migrationVersionsOnDisk() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("db/migrations"))) {
            return files.map(path -> MIGRATION_FILE.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .sorted()
                    .map(String::valueOf)
                    .toList();
        }
    }

    private Flyway flyway() {
        return configured().load();
    }

    private Flyway flywayUpTo(String version) {
        return configured().target(version).load();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configured() {
        return Flyway.configure()
                .dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration");
    }

    private DriverManagerDataSource dataSource() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestDatabase.URL + "?currentSchema=" + schema, TestDatabase.USER, TestDatabase.PASSWORD);
        dataSource.setDriverClassName("org.postgresql.Driver");
        return dataSource;
    }

    private List<String> tablesInSchema() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
                ResultSet rs = connection
                        .getMetaData()
                        .getTables(null, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
