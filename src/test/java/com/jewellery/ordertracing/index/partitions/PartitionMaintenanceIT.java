package com.jewellery.ordertracing.index.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
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

    private static final PartitionMaintenance.Table JOURNEYS =
            new PartitionMaintenance.Table("order_journey", "unused");

    private final String schema =
            "partition_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private PartitionMaintenance maintenance;

    @BeforeEach
    void migrate() {
        TestDatabase.migrate(schema);
        dataSource = new SingleConnectionDataSource(
                TestDatabase.URL + "?currentSchema=" + schema, TestDatabase.USER, TestDatabase.PASSWORD, true);
        jdbc = new JdbcTemplate(dataSource);
        maintenance = new PartitionMaintenance(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), 7, 90, Clock.systemUTC());
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        dataSource.destroy();
    }

    @Test
    void todayAndTheDaysAheadGetPartitionsThatCompressJourneysWithLz4() {
        maintenance.maintain(TODAY);

        assertThat(maintenance.partitions(JOURNEYS))
                .contains("order_journey_default", "order_journey_p20261126", "order_journey_p20261203")
                .doesNotContain("order_journey_p20261125", "order_journey_p20261204")
                .hasSize(9);
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT a.attcompression::text FROM pg_inherits i JOIN pg_attribute a ON a.attrelid = i.inhrelid
                WHERE i.inhparent = CAST('order_journey' AS regclass) AND a.attname = 'journey'""", String.class))
                .as("the default and every daily partition")
                .containsExactly("l");
    }

    @Test
    void rowsTheDefaultPartitionHeldForANewDayMoveIntoItsPartition() {
        maintenance.maintain(TODAY);
        Instant inTenDays = start(TODAY.plusDays(10)).plusSeconds(3600);
        insertJourney("ORD-1", inTenDays);
        assertThat(partitionOf("ORD-1")).isEqualTo("order_journey_default");

        maintenance.maintain(TODAY.plusDays(5));

        assertThat(partitionOf("ORD-1")).isEqualTo("order_journey_p20261206");
        assertThat(count("order_journey_default")).isZero();
    }

    @Test
    void partitionsAndDefaultRowsPastRetentionGo() {
        maintenance.maintain(TODAY);
        insertJourney("ORD-OLD", start(TODAY.minusDays(400)));
        insertJourney("ORD-NEW", start(TODAY.plusDays(3)));

        maintenance.maintain(TODAY.plusDays(92));

        assertThat(maintenance.partitions(JOURNEYS))
                .doesNotContain("order_journey_p20261126", "order_journey_p20261127")
                .contains("order_journey_p20261128", "order_journey_p20261203");
        assertThat(count("order_journey"))
                .as("the expired default row is deleted, the retained one kept")
                .isEqualTo(1);
        assertThat(partitionOf("ORD-NEW")).isEqualTo("order_journey_p20261129");
    }

    private void insertJourney(String orderId, Instant firstSeen) {
        jdbc.update("""
                INSERT INTO order_journey (order_id, first_seen, last_seen, outcome, has_error, trace_ids, journey,
                    indexed_at) VALUES (?, ?, ?, 'IN_PROGRESS', false, '{}', '{}'::jsonb, now())""", orderId, SqlTimes.timestamp(firstSeen), SqlTimes.timestamp(firstSeen));
    }

    private String partitionOf(String orderId) {
        return jdbc.queryForObject(
                "SELECT tableoid::regclass::text FROM order_journey WHERE order_id = ?", String.class, orderId);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
