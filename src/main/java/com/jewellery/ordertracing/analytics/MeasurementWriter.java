package com.jewellery.ordertracing.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the measurements (V25: {@code order_measurement}, a row per order with its stages), their rollups (minute,
 * 15 minutes, hour, 6 hours) and the drill-down's rows ({@link DrillDownRows}) in step with the journeys the
 * indexer writes, in the indexer's transaction. A re-assembled journey's measurements are compared with the stored
 * ones: an order whose measurements are unchanged is left alone (re-reading a window changes nothing); a changed
 * one gets its row rewritten, and the rollups get the old measurements subtracted and the new ones added.
 * Incremental rather than recomputing the touched buckets: a piece touches a few hundred measurements, while
 * recomputing their buckets would re-read every measurement of those minutes and hours. Only one indexer writes
 * (advisory lock), so reading the old rows and writing the new ones cannot interleave with another writer.
 */
public final class MeasurementWriter implements JourneyMeasurements {

    private static final int BATCH_SIZE = 500;
    /**
     * The orders of a piece whose measurements changed, a row each, in one statement: a column of arrays per
     * order, sent as array literals and cast by PostgreSQL. Built here rather than grouped from one value per
     * measurement by {@code array_agg} in SQL, which cost PostgreSQL three times as much (decision 0005 §5).
     */
    private static final String UPSERT = """
            INSERT INTO order_measurement (first_seen, order_id, stage_ids, ended_us, duration_us, buckets, errors, sla_ok)
            SELECT CAST(f AS timestamptz), o, CAST(s AS varchar[]), CAST(e AS bigint[]), CAST(d AS bigint[]),
                CAST(b AS smallint[]), CAST(x AS boolean[]), CAST(k AS boolean[])
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS m(f, o, s, e, d, b, x, k)
            ON CONFLICT (first_seen, order_id) DO UPDATE SET stage_ids = excluded.stage_ids,
                ended_us = excluded.ended_us, duration_us = excluded.duration_us, buckets = excluded.buckets,
                errors = excluded.errors, sla_ok = excluded.sla_ok""";

    private static final String DELETE = "DELETE FROM order_measurement WHERE first_seen = ? AND order_id = ?";

    private final JdbcTemplate jdbc;
    private final DrillDownRows drillDown;
    private final MeasurementBackfill backfill;

    /** Without the back-fill of journeys stored before V14 (benchmarks, tests that write rows directly). */
    public MeasurementWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.drillDown = new DrillDownRows(jdbc);
        this.backfill = null;
    }

    /** @param backfillBatch journeys stored before V14 measured per indexer run ({@link MeasurementBackfill}) */
    public MeasurementWriter(JdbcTemplate jdbc, TransactionOperations transactions, int backfillBatch, Clock clock) {
        this.jdbc = jdbc;
        this.drillDown = new DrillDownRows(jdbc);
        this.backfill = new MeasurementBackfill(jdbc, transactions, this, backfillBatch, clock);
    }

    @Override
    public int catchUp() {
        return backfill == null ? 0 : backfill.runBatch();
    }

    @Override
    public void saved(List<Saved> journeys) {
        if (journeys.isEmpty()) {
            return;
        }
        Map<Key, Row> fresh = new LinkedHashMap<>();
        for (Saved saved : journeys) {
            StageMeasurement.of(saved.journey())
                    .forEach(measurement -> fresh.put(Key.of(measurement), new Row(saved.partitionKey(), measurement)));
        }
        Map<Key, Row> old = stored(journeys.stream().filter(Saved::replaced).toList());
        write(old, fresh);
    }

    /** Writes rows directly, as if journeys with these measurements had been saved; for tests and benchmarks. */
    public void write(Map<Key, Row> old, Map<Key, Row> fresh) {
        RollupChanges rollups = new RollupChanges();
        List<Row> removed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        Set<String> changedOrders = new HashSet<>();
        old.forEach((key, before) -> {
            if (!before.equals(fresh.get(key))) {
                rollups.subtract(before);
                removed.add(before);
                changedOrders.add(key.orderId());
            }
        });
        fresh.forEach((key, after) -> {
            if (!after.equals(old.get(key))) {
                rollups.add(after);
                added.add(after);
                changedOrders.add(key.orderId());
            }
        });
        if (changedOrders.isEmpty()) {
            return;
        }
        writeOrders(old, fresh, changedOrders);
        rollups.apply(jdbc);
        drillDown.write(removed, added);
    }

    /** Rewrites the row of every order whose measurements changed; drops those left without any or moved. */
    private void writeOrders(Map<Key, Row> old, Map<Key, Row> fresh, Set<String> changedOrders) {
        Map<String, Instant> newKeys = new HashMap<>();
        Map<String, List<Row>> upserts = new TreeMap<>();
        fresh.forEach((key, row) -> {
            if (changedOrders.contains(key.orderId())) {
                upserts.computeIfAbsent(key.orderId(), order -> new ArrayList<>())
                        .add(row);
                newKeys.put(key.orderId(), row.partitionKey());
            }
        });
        Set<OrderKey> deletes = new LinkedHashSet<>();
        old.forEach((key, row) -> {
            if (changedOrders.contains(key.orderId()) && !row.partitionKey().equals(newKeys.get(key.orderId()))) {
                deletes.add(new OrderKey(row.partitionKey(), key.orderId()));
            }
        });
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(DELETE, List.copyOf(deletes), BATCH_SIZE, (ps, orderKey) -> {
                ps.setObject(1, timestamp(orderKey.firstSeen()));
                ps.setString(2, orderKey.orderId());
            });
        }
        if (!upserts.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(UPSERT);
                bind(statement, upserts);
                return statement;
            });
        }
    }

    /** The stored measurements of these orders, read with their partition keys so only their days are searched. */
    private Map<Key, Row> stored(List<Saved> replaced) {
        Map<Key, Row> rows = new HashMap<>();
        if (replaced.isEmpty()) {
            return rows;
        }
        Object[] orderIds = replaced.stream()
                .map(saved -> saved.journey().orderId())
                .distinct()
                .toArray();
        // as text: the driver's array encoder takes strings, and PostgreSQL reads ISO-8601 instants
        Object[] keys = replaced.stream()
                .map(saved -> saved.partitionKey().toString())
                .distinct()
                .toArray();
        jdbc.query(
                connection -> {
                    // the view's conditions reach the order rows' primary key (EXPLAIN: an index scan per day)
                    PreparedStatement statement = connection.prepareStatement("""
                    SELECT first_seen, order_id, stage_id, ended_at, duration_us, error, sla_ok FROM stage_measurement
                    WHERE first_seen = ANY (?) AND order_id = ANY (?)""");
                    statement.setArray(1, connection.createArrayOf("timestamptz", keys));
                    statement.setArray(2, connection.createArrayOf("varchar", orderIds));
                    return statement;
                },
                (ResultSet rs) -> {
                    Row row = DrillDownRows.ROW.mapRow(rs, 0);
                    rows.put(Key.of(row.measurement()), row);
                });
        return rows;
    }

    /**
     * An order's row: its key, and its stages in stage order as array literals. Numbers and booleans go bare
     * ({@code {12,340}}, {@code {t,f}}): PostgreSQL parses each literal twice (the text[] parameter, then its
     * element into its array type), and quotes escaped inside quotes are what it spends longest on.
     */
    private static void bind(PreparedStatement ps, Map<String, List<Row>> orders) throws SQLException {
        int n = orders.size();
        Object[][] columns = new Object[8][n];
        int i = 0;
        for (List<Row> rows : orders.values()) {
            List<StageMeasurement> stages = rows.stream()
                    .map(Row::measurement)
                    .sorted(Comparator.comparing(StageMeasurement::stageId))
                    .toList();
            // as text: PostgreSQL reads ISO-8601 instants
            columns[0][i] = rows.getFirst().partitionKey().toString();
            columns[1][i] = stages.getFirst().orderId();
            columns[2][i] = literal(stages, (m, out) -> quoted(m.stageId(), out));
            columns[3][i] = literal(stages, (m, out) -> out.append(epochMicros(m.endedAt())));
            columns[4][i] = literal(stages, (m, out) -> out.append(m.micros()));
            columns[5][i] = literal(stages, (m, out) -> out.append(m.bucket()));
            columns[6][i] = literal(stages, (m, out) -> out.append(m.error() ? 't' : 'f'));
            columns[7][i] = literal(stages, (m, out) -> out.append(m.slaOk() ? 't' : 'f'));
            i++;
        }
        Connection connection = ps.getConnection();
        for (int column = 0; column < columns.length; column++) {
            ps.setArray(column + 1, connection.createArrayOf("text", columns[column]));
        }
    }

    /** A PostgreSQL array literal of one value per stage: {@code {"mes.consume","mes.price"}}, {@code {t,f}}. */
    static String literal(List<StageMeasurement> stages, BiConsumer<StageMeasurement, StringBuilder> element) {
        StringBuilder literal = new StringBuilder(16 * stages.size()).append('{');
        for (StageMeasurement stage : stages) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            element.accept(stage, literal);
        }
        return literal.append('}').toString();
    }

    private static void quoted(String text, StringBuilder out) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    /** Microseconds since the epoch, as {@code order_measurement.ended_us} keeps a stage's end. */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An order's row of {@code order_measurement}. */
    private record OrderKey(Instant firstSeen, String orderId) {}

    /** A measurement's identity: an order counts once per stage. */
    public record Key(String orderId, String stageId) {
        static Key of(StageMeasurement measurement) {
            return new Key(measurement.orderId(), measurement.stageId());
        }
    }

    /**
     * A measurement as stored. Times are kept at the database's precision, rounded to the microsecond as the
     * JDBC driver rounds them, so a measurement read back equals the one assembled again from the same spans.
     */
    public record Row(Instant partitionKey, StageMeasurement measurement) {
        public Row {
            partitionKey = micros(partitionKey);
            measurement = new StageMeasurement(
                    measurement.orderId(),
                    measurement.stageId(),
                    micros(measurement.endedAt()),
                    measurement.micros(),
                    measurement.error(),
                    measurement.slaOk());
        }

        private static Instant micros(Instant instant) {
            return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        }
    }
}
