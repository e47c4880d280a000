package com.jewellery.ordertracing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Daily partitions on the real PostgreSQL, in a schema of the test's own. */
class PartitionMaintenanceIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final String schema = "partition_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private PartitionMaintenance maintenance;

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(schema).createSchemas(true).locations("classpath:db/migration").load().migrate();
        dataSource = new SingleConnectionDataSource(TestDatabase.URL + "?currentSchema=" + schema,
                TestDatabase.USER, TestDatabase.PASSWORD, true);
        jdbc = new JdbcTemplate(dataSource);
        maintenance = new PartitionMaintenance(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                7, 90, Clock.systemUTC());
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        dataSource.destroy();
    }

    @Test
    void todayAndTheDaysAheadGetPartitionsInBothTables() {
        maintenance.maintain(TODAY);

        for (String table : new String[] {"order_span", "order_journey"}) {
            assertThat(maintenance.partitions(new PartitionMaintenance.Table(table, "unused")))
                    .contains(table + "_default", table + "_p20261126", table + "_p20261203")
                    .doesNotContain(table + "_p20261125", table + "_p20261204")
                    .hasSize(9);
        }
    }

    @Test
    void rowsTheDefaultPartitionHeldForANewDayMoveIntoItsPartition() {
        maintenance.maintain(TODAY);
        Instant inTenDays = start(TODAY.plusDays(10)).plusSeconds(3600);
        insertSpan("ORD-1", "00000000000000a1", inTenDays);
        insertJourney("ORD-1", inTenDays);
        assertThat(partitionOf("order_span", "ORD-1")).isEqualTo("order_span_default");

        maintenance.maintain(TODAY.plusDays(5));

        assertThat(partitionOf("order_span", "ORD-1")).isEqualTo("order_span_p20261206");
        assertThat(partitionOf("order_journey", "ORD-1")).isEqualTo("order_journey_p20261206");
        assertThat(count("order_span_default")).isZero();
        assertThat(insertSpan("ORD-1", "00000000000000a1", inTenDays)).as("a moved span is still a duplicate").isZero();
    }

    @Test
    void partitionsAndDefaultRowsPastRetentionGo() {
        maintenance.maintain(TODAY);
        insertSpan("ORD-OLD", "00000000000000b1", start(TODAY.minusDays(400)));
        insertSpan("ORD-NEW", "00000000000000b2", start(TODAY.plusDays(3)));

        maintenance.maintain(TODAY.plusDays(92));

        assertThat(maintenance.partitions(new PartitionMaintenance.Table("order_span", "unused")))
                .doesNotContain("order_span_p20261126", "order_span_p20261127")
                .contains("order_span_p20261128", "order_span_p20261203");
        assertThat(count("order_span")).as("the expired default row is deleted, the retained one kept").isEqualTo(1);
        assertThat(partitionOf("order_span", "ORD-NEW")).isEqualTo("order_span_p20261129");
    }

    private int insertSpan(String orderId, String spanId, Instant start) {
        return jdbc.update("INSERT INTO order_span VALUES (?, ?, ?, ?, '{}'::jsonb) ON CONFLICT DO NOTHING",
                orderId, spanId, "0".repeat(32), Sql.timestamp(start));
    }

    private void insertJourney(String orderId, Instant firstSeen) {
        jdbc.update("""
                INSERT INTO order_journey (order_id, first_seen, last_seen, outcome, has_error, trace_ids, journey,
                    indexed_at) VALUES (?, ?, ?, 'IN_PROGRESS', false, '{}', '{}'::jsonb, now())""",
                orderId, Sql.timestamp(firstSeen), Sql.timestamp(firstSeen));
    }

    private String partitionOf(String table, String orderId) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM " + table + " WHERE order_id = ?",
                String.class, orderId);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
