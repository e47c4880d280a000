package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Key;
import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import com.jewellery.ordertracing.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The drill-down's rows through the indexer's writer on the real PostgreSQL, against a model of every
 * measurement: orders arrive in pieces and are re-measured (longer, shorter, into another minute, failed, only
 * their flags changed, gone), and after every piece each stage and minute keeps exactly its slowest and every
 * failed measurement, every rollup row holds the model's tallies and bucket counts, and the drill-down of whole
 * and part minutes lists what an exact sort of the model gives.
 */
class DrillDownRowsIT {

    private static final List<String> STAGES = List.of("mes.consume", "mes.price");
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final String schema =
            "drill_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Random random = new Random(11);
    private final Map<Key, Row> model = new HashMap<>();
    private JdbcTemplate jdbc;
    private MeasurementWriter writer;
    private AnalyticsQueries queries;

    @BeforeEach
    void migrate() {
        TestDatabase.migrate(schema);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestDatabase.URL + "?currentSchema=" + schema, TestDatabase.USER, TestDatabase.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        writer = new MeasurementWriter(jdbc);
        queries = new AnalyticsQueries(jdbc);
    }

    @AfterEach
    void drop() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void everyMinuteKeepsExactlyItsSlowestAndItsFailedWhateverIsReMeasured() {
        int next = 0;
        for (int piece = 0; piece < 12; piece++) {
            Map<String, List<Row>> journeys = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                String orderId = "ORD-DD-" + next++;
                journeys.put(orderId, measure(orderId));
            }
            // re-assembled: a third of the orders written so far get new measurements, some none at all
            List<String> written = model.keySet().stream()
                    .map(Key::orderId)
                    .distinct()
                    .sorted()
                    .toList();
            for (String orderId : written) {
                if (random.nextInt(3) == 0) {
                    int how = random.nextInt(10);
                    journeys.put(orderId, how == 0 ? List.of() : how == 1 ? flagsFlipped(orderId) : measure(orderId));
                }
            }
            write(journeys);
            // one order alone with only its flags changed: rollup rows whose buckets net to nothing
            String flipped = written.isEmpty() ? "ORD-DD-0" : written.get(random.nextInt(written.size()));
            write(Map.of(flipped, flagsFlipped(flipped)));
            assertKeptAsTheModelSays(piece);
        }
        assertDrillDownsAsAnExactSort();
    }

    private List<Row> measure(String orderId) {
        List<Row> rows = new ArrayList<>();
        for (String stage : STAGES) {
            // three minutes, durations with ties, a few per cent failed
            Instant ended = START.plusMillis(random.nextInt(180_000));
            long micros = 1_000L * (1 + random.nextInt(400));
            rows.add(new Row(
                    START.minusSeconds(60),
                    new StageMeasurement(orderId, stage, ended, micros, random.nextInt(15) == 0, micros < 300_000)));
        }
        return rows;
    }

    /** The same ends and durations, failed and within the SLA the other way round: the rollups' buckets stay. */
    private List<Row> flagsFlipped(String orderId) {
        return model.values().stream()
                .filter(row -> row.measurement().orderId().equals(orderId))
                .map(row -> {
                    StageMeasurement m = row.measurement();
                    return new Row(
                            row.partitionKey(),
                            new StageMeasurement(
                                    orderId, m.stageId(), m.endedAt(), m.micros(), !m.error(), !m.slaOk()));
                })
                .toList();
    }

    private void write(Map<String, List<Row>> journeys) {
        Map<Key, Row> old = new HashMap<>();
        Map<Key, Row> fresh = new HashMap<>();
        journeys.forEach((orderId, rows) -> {
            model.forEach((key, row) -> {
                if (key.orderId().equals(orderId)) {
                    old.put(key, row);
                }
            });
            rows.forEach(row -> fresh.put(Key.of(row.measurement()), row));
        });
        writer.write(old, fresh);
        old.keySet().forEach(model::remove);
        model.putAll(fresh);
    }

    private void assertKeptAsTheModelSays(int piece) {
        Map<List<Object>, List<String>> expected = model.values().stream()
                .collect(Collectors.groupingBy(
                        row -> List.of(
                                row.measurement().stageId(),
                                minute(row.measurement().endedAt())),
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                rows -> rows.stream()
                                        .sorted(SlowestKept.SLOWEST_FIRST)
                                        .limit(SlowestKept.KEPT)
                                        .map(row -> row.measurement().orderId())
                                        .sorted()
                                        .toList())));
        Map<List<Object>, List<String>> kept = new HashMap<>();
        jdbc.query("SELECT stage_id, ended_at, order_id FROM stage_drill_down WHERE slowest ORDER BY order_id", rs -> {
            kept.computeIfAbsent(
                            List.of(rs.getString("stage_id"), minute(MeasurementWriter.instant(rs, "ended_at"))),
                            cell -> new ArrayList<>())
                    .add(rs.getString("order_id"));
        });
        kept.values().forEach(orders -> orders.sort(Comparator.naturalOrder()));
        assertThat(kept).as("slowest kept after piece %d", piece).isEqualTo(expected);
        assertThat(jdbc.queryForList(
                        "SELECT stage_id || ' ' || order_id FROM stage_drill_down WHERE error ORDER BY 1",
                        String.class))
                .as("failed kept after piece %d", piece)
                .isEqualTo(model.values().stream()
                        .filter(row -> row.measurement().error())
                        .map(row -> row.measurement().stageId() + " "
                                + row.measurement().orderId())
                        .sorted()
                        .toList());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM stage_drill_down WHERE NOT slowest AND NOT error", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stage_measurement", Integer.class))
                .isEqualTo(model.size());
        for (Rollup rollup : Rollup.values()) {
            assertThat(rollupRows(rollup))
                    .as("%s after piece %d", rollup.table(), piece)
                    .isEqualTo(exactRollup(rollup));
        }
    }

    /** Per stage and row start: orders, errors, within SLA, and the count of every bucket that is not zero. */
    private Map<List<Object>, List<Object>> rollupRows(Rollup rollup) {
        Map<List<Object>, List<Object>> rows = new HashMap<>();
        jdbc.query(
                "SELECT stage_id, bucket_start, orders, errors, sla_ok, array_lower(counts, 1) AS lowest, counts FROM "
                        + rollup.table() + " WHERE orders <> 0 OR errors <> 0 OR sla_ok <> 0",
                rs -> {
                    Integer[] counts = (Integer[]) rs.getArray("counts").getArray();
                    Map<Integer, Integer> buckets = new HashMap<>();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != null && counts[i] != 0) {
                            buckets.put(rs.getInt("lowest") + i, counts[i]);
                        }
                    }
                    rows.put(
                            List.of(rs.getString("stage_id"), MeasurementWriter.instant(rs, "bucket_start")),
                            List.of(rs.getInt("orders"), rs.getInt("errors"), rs.getInt("sla_ok"), buckets));
                });
        return rows;
    }

    private Map<List<Object>, List<Object>> exactRollup(Rollup rollup) {
        Map<List<Object>, List<StageMeasurement>> cells = model.values().stream()
                .map(Row::measurement)
                .collect(Collectors.groupingBy(
                        m -> List.of(m.stageId(), Resolution.floor(m.endedAt(), rollup.width()))));
        Map<List<Object>, List<Object>> rows = new HashMap<>();
        cells.forEach((cell, measurements) -> rows.put(
                cell,
                List.of(
                        measurements.size(),
                        (int) measurements.stream()
                                .filter(StageMeasurement::error)
                                .count(),
                        (int) measurements.stream()
                                .filter(StageMeasurement::slaOk)
                                .count(),
                        measurements.stream()
                                .collect(Collectors.groupingBy(
                                        StageMeasurement::bucket, Collectors.summingInt(m -> 1))))));
        return rows;
    }

    private void assertDrillDownsAsAnExactSort() {
        List<Instant[]> ranges = List.of(
                new Instant[] {START, START.plus(Duration.ofMinutes(1))},
                new Instant[] {START, START.plus(Duration.ofMinutes(3))},
                new Instant[] {START.plusSeconds(20), START.plusSeconds(50)},
                // across one minute's end, no whole minute in it
                new Instant[] {START.plusSeconds(50), START.plusSeconds(70)},
                new Instant[] {START.plusSeconds(45), START.plusSeconds(150)});
        for (String stage : STAGES) {
            for (Instant[] range : ranges) {
                List<Row> inRange = model.values().stream()
                        .filter(row -> row.measurement().stageId().equals(stage)
                                && !row.measurement().endedAt().isBefore(range[0])
                                && row.measurement().endedAt().isBefore(range[1]))
                        .toList();
                assertThat(queries.orders(stage, range[0], range[1], false, SlowestKept.KEPT).stream()
                                .map(OrderMeasurement::orderId)
                                .toList())
                        .as("%s slowest in %s .. %s", stage, range[0], range[1])
                        .isEqualTo(inRange.stream()
                                .sorted(SlowestKept.SLOWEST_FIRST)
                                .limit(SlowestKept.KEPT)
                                .map(row -> row.measurement().orderId())
                                .toList());
                assertThat(queries.orders(stage, range[0], range[1], true, 1000).stream()
                                .map(OrderMeasurement::orderId)
                                .sorted()
                                .toList())
                        .as("%s failed in %s .. %s", stage, range[0], range[1])
                        .isEqualTo(inRange.stream()
                                .filter(row -> row.measurement().error())
                                .map(row -> row.measurement().orderId())
                                .sorted()
                                .toList());
            }
        }
    }

    private static Instant minute(Instant time) {
        return Resolution.floor(time, Duration.ofMinutes(1));
    }
}
