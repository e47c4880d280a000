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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps {@code stage_measurement} and its rollups (minute, hour, 6 hours) in step with the journeys the indexer
 * writes, in the indexer's transaction. A re-assembled journey's measurements are compared with the stored
 * ones: an unchanged measurement is left alone (re-reading a window changes nothing), a changed one is
 * replaced and the rollups get the old one subtracted and the new one added. Incremental rather than
 * recomputing the touched buckets: a piece touches a few hundred measurements, while recomputing their
 * buckets would re-read every measurement of those minutes and hours. Only one indexer writes (advisory
 * lock), so reading the old rows and writing the new ones cannot interleave with another writer.
 */
public final class MeasurementWriter implements JourneyMeasurements {

    private static final int BATCH_SIZE = 500;
    /**
     * All of a piece's new and changed measurements in one statement, as columns of arrays: one statement per
     * piece instead of one per row (nine per order) saves PostgreSQL most of its work per row.
     */
    private static final String UPSERT = """
            INSERT INTO stage_measurement (order_id, stage_id, first_seen, ended_at, duration_us, bucket, error, sla_ok)
            SELECT o, s, f, e, d, CAST(b AS smallint), x, k FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]),
                CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS bigint[]), CAST(? AS integer[]),
                CAST(? AS boolean[]), CAST(? AS boolean[])) AS m(o, s, f, e, d, b, x, k)
            ON CONFLICT (order_id, stage_id, first_seen) DO UPDATE SET ended_at = excluded.ended_at,
                duration_us = excluded.duration_us, bucket = excluded.bucket, error = excluded.error,
                sla_ok = excluded.sla_ok""";

    private static final String DELETE =
            "DELETE FROM stage_measurement WHERE order_id = ? AND stage_id = ? AND first_seen = ?";

    private final JdbcTemplate jdbc;
    private final MeasurementBackfill backfill;

    /** Without the back-fill of journeys stored before V14 (benchmarks, tests that write rows directly). */
    public MeasurementWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.backfill = null;
    }

    /** @param backfillBatch journeys stored before V14 measured per indexer run ({@link MeasurementBackfill}) */
    public MeasurementWriter(JdbcTemplate jdbc, TransactionOperations transactions, int backfillBatch, Clock clock) {
        this.jdbc = jdbc;
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
        RollupDelta delta = new RollupDelta();
        List<Row> upserts = new ArrayList<>();
        List<Row> deletes = new ArrayList<>();
        old.forEach((key, before) -> {
            Row after = fresh.get(key);
            if (after == null || !after.equals(before)) {
                delta.subtract(before.measurement());
                if (after == null || !after.partitionKey().equals(before.partitionKey())) {
                    deletes.add(before);
                }
            }
        });
        fresh.forEach((key, after) -> {
            if (!after.equals(old.get(key))) {
                delta.add(after.measurement());
                upserts.add(after);
            }
        });
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(DELETE, deletes, BATCH_SIZE, (ps, row) -> {
                ps.setString(1, row.measurement().orderId());
                ps.setString(2, row.measurement().stageId());
                ps.setObject(3, timestamp(row.partitionKey()));
            });
        }
        if (!upserts.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(UPSERT);
                bind(statement, upserts);
                return statement;
            });
        }
        delta.apply(jdbc);
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
                    PreparedStatement statement = connection.prepareStatement("""
                    SELECT order_id, stage_id, first_seen, ended_at, duration_us, error, sla_ok FROM stage_measurement
                    WHERE order_id = ANY (?) AND first_seen = ANY (?)""");
                    statement.setArray(1, connection.createArrayOf("varchar", orderIds));
                    statement.setArray(2, connection.createArrayOf("timestamptz", keys));
                    return statement;
                },
                (ResultSet rs) -> {
                    Row row = new Row(
                            instant(rs, "first_seen"),
                            new StageMeasurement(
                                    rs.getString("order_id"),
                                    rs.getString("stage_id"),
                                    instant(rs, "ended_at"),
                                    rs.getLong("duration_us"),
                                    rs.getBoolean("error"),
                                    rs.getBoolean("sla_ok")));
                    rows.put(Key.of(row.measurement()), row);
                });
        return rows;
    }

    private static void bind(PreparedStatement ps, List<Row> rows) throws SQLException {
        int n = rows.size();
        Object[] orderIds = new Object[n];
        Object[] stageIds = new Object[n];
        Object[] partitionKeys = new Object[n];
        Object[] endedAt = new Object[n];
        Object[] micros = new Object[n];
        Object[] buckets = new Object[n];
        Object[] errors = new Object[n];
        Object[] slaOk = new Object[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            StageMeasurement m = row.measurement();
            orderIds[i] = m.orderId();
            stageIds[i] = m.stageId();
            // as text: the driver's array encoder takes strings, and PostgreSQL reads ISO-8601 instants
            partitionKeys[i] = row.partitionKey().toString();
            endedAt[i] = m.endedAt().toString();
            micros[i] = m.micros();
            buckets[i] = m.bucket();
            errors[i] = m.error();
            slaOk[i] = m.slaOk();
        }
        Connection connection = ps.getConnection();
        ps.setArray(1, connection.createArrayOf("varchar", orderIds));
        ps.setArray(2, connection.createArrayOf("varchar", stageIds));
        ps.setArray(3, connection.createArrayOf("timestamptz", partitionKeys));
        ps.setArray(4, connection.createArrayOf("timestamptz", endedAt));
        ps.setArray(5, connection.createArrayOf("int8", micros));
        ps.setArray(6, connection.createArrayOf("int4", buckets));
        ps.setArray(7, connection.createArrayOf("bool", errors));
        ps.setArray(8, connection.createArrayOf("bool", slaOk));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

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

    /** What the rollups gain and lose from one write, summed per row of each rollup table. */
    private static final class RollupDelta {

        private final Map<Rollup, TreeMap<Cell, RowDelta>> rows = new EnumMap<>(Rollup.class);

        RollupDelta() {
            for (Rollup rollup : Rollup.values()) {
                rows.put(rollup, new TreeMap<>(Cell.ORDER));
            }
        }

        void add(StageMeasurement m) {
            change(m, 1);
        }

        void subtract(StageMeasurement m) {
            change(m, -1);
        }

        private void change(StageMeasurement m, int sign) {
            for (Rollup rollup : Rollup.values()) {
                Instant start = Resolution.floor(m.endedAt(), rollup.width());
                rows.get(rollup)
                        .computeIfAbsent(new Cell(m.stageId(), start), cell -> new RowDelta())
                        .change(m.bucket(), sign, m.error() ? sign : 0, m.slaOk() ? sign : 0);
            }
        }

        /**
         * One statement per rollup table and piece, one row per changed rollup row whatever the number of its
         * buckets that changed (a row rewritten once per piece, not once per bucket); in key order (unnest keeps
         * the arrays' order), so two writers (should there ever be two) lock rows in the same order.
         */
        void apply(JdbcTemplate jdbc) {
            for (Rollup rollup : Rollup.values()) {
                List<Map.Entry<Cell, RowDelta>> changed = rows.get(rollup).entrySet().stream()
                        .filter(entry -> entry.getValue().changes())
                        .toList();
                if (changed.isEmpty()) {
                    continue;
                }
                jdbc.update(connection -> {
                    PreparedStatement statement = connection.prepareStatement("INSERT INTO " + rollup.table()
                            + " AS r (stage_id, bucket_start, counts, orders, errors, sla_ok) "
                            + "SELECT s, t, CAST(c AS integer[]), o, e, k FROM unnest(CAST(? AS varchar[]), "
                            + "CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS integer[]), "
                            + "CAST(? AS integer[])) AS d(s, t, c, o, e, k) "
                            + "ON CONFLICT (stage_id, bucket_start) DO UPDATE "
                            + "SET counts = stage_rollup_add(r.counts, excluded.counts), orders = r.orders + excluded.orders, "
                            + "errors = r.errors + excluded.errors, sla_ok = r.sla_ok + excluded.sla_ok");
                    int n = changed.size();
                    Object[] stages = new Object[n];
                    Object[] starts = new Object[n];
                    Object[] counts = new Object[n];
                    Object[] orders = new Object[n];
                    Object[] errors = new Object[n];
                    Object[] slaOk = new Object[n];
                    for (int i = 0; i < n; i++) {
                        Cell cell = changed.get(i).getKey();
                        RowDelta delta = changed.get(i).getValue();
                        stages[i] = cell.stageId();
                        starts[i] = cell.start().toString();
                        counts[i] = delta.countsLiteral();
                        orders[i] = (int) delta.orders;
                        errors[i] = (int) delta.errors;
                        slaOk[i] = (int) delta.slaOk;
                    }
                    statement.setArray(1, connection.createArrayOf("varchar", stages));
                    statement.setArray(2, connection.createArrayOf("timestamptz", starts));
                    statement.setArray(3, connection.createArrayOf("text", counts));
                    statement.setArray(4, connection.createArrayOf("int4", orders));
                    statement.setArray(5, connection.createArrayOf("int4", errors));
                    statement.setArray(6, connection.createArrayOf("int4", slaOk));
                    return statement;
                });
            }
        }
    }

    /** The change to one rollup row: per bucket, and the row's tallies. */
    private static final class RowDelta {

        private final TreeMap<Integer, Long> counts = new TreeMap<>();
        private long orders;
        private long errors;
        private long slaOk;

        void change(int bucket, int ordersChange, int errorsChange, int slaChange) {
            counts.merge(bucket, (long) ordersChange, Long::sum);
            orders += ordersChange;
            errors += errorsChange;
            slaOk += slaChange;
        }

        boolean changes() {
            return orders != 0
                    || errors != 0
                    || slaOk != 0
                    || counts.values().stream().anyMatch(count -> count != 0);
        }

        /** The buckets as a PostgreSQL array literal with its bounds, e.g. {@code [301:303]={2,0,-1}}. */
        String countsLiteral() {
            int first = counts.firstKey();
            int last = counts.lastKey();
            StringBuilder literal = new StringBuilder()
                    .append('[')
                    .append(first)
                    .append(':')
                    .append(last)
                    .append("]={");
            for (int bucket = first; bucket <= last; bucket++) {
                literal.append(bucket == first ? "" : ",").append(counts.getOrDefault(bucket, 0L));
            }
            return literal.append('}').toString();
        }
    }

    private record Cell(String stageId, Instant start) {
        static final Comparator<Cell> ORDER =
                Comparator.comparing(Cell::stageId).thenComparing(Cell::start);
    }
}
