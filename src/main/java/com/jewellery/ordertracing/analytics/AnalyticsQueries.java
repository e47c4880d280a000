package com.jewellery.ordertracing.analytics;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The analytics reads: histograms per stage and time bucket summed from a rollup, and the orders of one
 * bucket from the measurements.
 */
public final class AnalyticsQueries {

    /**
     * A row version: the transaction that wrote it, and its order count for good measure (a transaction id could
     * come round again after four billion of them).
     */
    private static final String VERSION = "CAST(xmin AS text) || ':' || orders";

    private static final RowMapper<OrderMeasurement> ORDER = (rs, row) -> new OrderMeasurement(
            rs.getString("order_id"),
            MeasurementWriter.instant(rs, "ended_at"),
            rs.getLong("duration_us"),
            rs.getBoolean("error"),
            rs.getBoolean("sla_ok"));

    /** Rows held by default: the four presets' reports (both periods) read about 8,000. */
    public static final int DEFAULT_HELD_ROWS = 20_000;

    private final JdbcTemplate jdbc;
    private final RollupRows held;

    public AnalyticsQueries(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_HELD_ROWS);
    }

    /** @param heldRows rollup rows kept parsed between reports ({@link RollupRows}) */
    public AnalyticsQueries(JdbcTemplate jdbc, int heldRows) {
        this.jdbc = jdbc;
        this.held = new RollupRows(heldRows);
    }

    /** How many rollup rows are held parsed now. */
    int heldRows() {
        return held.size();
    }

    /**
     * Every stage's histogram per bucket of {@code step} in [from, to); buckets aligned to the step since
     * the epoch, as {@link Resolution} aligns them.
     *
     * <p>The arrays are what a report's time goes to (a 7-day report reads 3,024 rows of about 270 numbers), while
     * the rows of past hours rarely change. So the rows' versions are read first, and the arrays only of the rows
     * not held at that version ({@link RollupRows}): all of them the first time, the current hour's later.
     *
     * @return by stage id, by bucket start
     */
    public Map<String, Map<Instant, Histogram>> histograms(Rollup rollup, Instant from, Instant to, Duration step) {
        Map<RollupRows.Key, String> versions = new LinkedHashMap<>();
        jdbc.query(
                "SELECT stage_id, bucket_start, " + VERSION + " AS version FROM " + rollup.table()
                        + " WHERE bucket_start >= ? AND bucket_start < ?",
                rs -> {
                    versions.put(
                            new RollupRows.Key(
                                    rollup, rs.getString("stage_id"), MeasurementWriter.instant(rs, "bucket_start")),
                            rs.getString("version"));
                },
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to));
        Map<RollupRows.Key, RollupRows.Row> rows = new HashMap<>();
        List<RollupRows.Key> missing = new ArrayList<>();
        versions.forEach((key, version) -> {
            RollupRows.Row row = held.at(key, version);
            if (row == null) {
                missing.add(key);
            } else {
                rows.put(key, row);
            }
        });
        if (!missing.isEmpty()) {
            read(rollup, from, to, missing, missing.size() * 2 > versions.size(), rows);
        }
        Map<String, Map<Instant, Histogram>> byStage = new HashMap<>();
        rows.forEach((key, row) -> row.addTo(byStage.computeIfAbsent(key.stageId(), stage -> new HashMap<>())
                .computeIfAbsent(Resolution.floor(key.start(), step), start -> new Histogram())));
        return byStage;
    }

    /** Reads and holds the arrays of these rows: with a key filter, or the whole range when most are missing. */
    private void read(
            Rollup rollup,
            Instant from,
            Instant to,
            List<RollupRows.Key> missing,
            boolean wholeRange,
            Map<RollupRows.Key, RollupRows.Row> rows) {
        // the arrays as they are, read as bytes: the driver receives them in binary once the statement is prepared
        // on the server (from its fifth use on a connection); RollupRows.parse reads either form
        String sql = "SELECT stage_id, bucket_start, " + VERSION + " AS version, counts, errors, sla_ok FROM "
                + rollup.table() + " WHERE bucket_start >= ? AND bucket_start < ?"
                + (wholeRange
                        ? ""
                        : " AND (stage_id, bucket_start) IN (SELECT * FROM unnest(CAST(? AS varchar[]), "
                                + "CAST(? AS timestamptz[])))");
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setObject(1, MeasurementWriter.timestamp(from));
                    statement.setObject(2, MeasurementWriter.timestamp(to));
                    if (!wholeRange) {
                        statement.setArray(
                                3,
                                connection.createArrayOf(
                                        "varchar",
                                        missing.stream()
                                                .map(RollupRows.Key::stageId)
                                                .toArray()));
                        statement.setArray(
                                4,
                                connection.createArrayOf(
                                        "timestamptz",
                                        missing.stream()
                                                .map(key -> key.start().toString())
                                                .toArray()));
                    }
                    return statement;
                },
                rs -> {
                    RollupRows.Key key = new RollupRows.Key(
                            rollup, rs.getString("stage_id"), MeasurementWriter.instant(rs, "bucket_start"));
                    RollupRows.Row row = RollupRows.parse(
                            rs.getString("version"), rs.getBytes("counts"), rs.getLong("errors"), rs.getLong("sla_ok"));
                    held.put(key, row);
                    rows.put(key, row);
                });
    }

    /**
     * The slowest measurements of a stage that ended in [from, to), or only the failed ones (most recent first),
     * from {@code stage_drill_down} (V25). A stage never ends before its order's first span, so partitions of
     * orders first seen after {@code to} are skipped (with a day's slack: a row keeps the first_seen of its first
     * insert).
     *
     * <p>The slowest of the whole minutes in the range are the slowest of the rows kept for those minutes (each
     * minute's {@link SlowestKept#KEPT} slowest); a part of a minute at either end of the range is read from the
     * order rows, as the minute's kept ones need not be the slowest of that part.
     */
    public List<OrderMeasurement> orders(String stageId, Instant from, Instant to, boolean failedOnly, int limit) {
        if (failedOnly) {
            return jdbc.query(
                    "SELECT order_id, ended_at, duration_us, error, sla_ok FROM stage_drill_down WHERE stage_id = ? "
                            + "AND error AND ended_at >= ? AND ended_at < ? AND first_seen < ? ORDER BY ended_at DESC LIMIT ?",
                    ORDER,
                    stageId,
                    MeasurementWriter.timestamp(from),
                    MeasurementWriter.timestamp(to),
                    MeasurementWriter.timestamp(to.plus(Duration.ofDays(1))),
                    limit);
        }
        Instant wholeFrom = Resolution.ceil(from, DrillDownRows.MINUTE);
        Instant wholeTo = Resolution.floor(to, DrillDownRows.MINUTE);
        List<OrderMeasurement> slowest = new ArrayList<>();
        if (!to.isAfter(wholeFrom)) {
            // within one minute
            slowest.addAll(measured(stageId, from, to, limit));
        } else {
            // whole minutes (none when the range only straddles one minute's end), and the part minutes at its ends
            if (wholeFrom.isBefore(wholeTo)) {
                slowest.addAll(kept(stageId, wholeFrom, wholeTo, limit));
            }
            if (from.isBefore(wholeFrom)) {
                slowest.addAll(measured(stageId, from, wholeFrom, limit));
            }
            if (wholeTo.isBefore(to)) {
                slowest.addAll(measured(stageId, wholeTo, to, limit));
            }
        }
        return slowest.stream()
                .sorted(Comparator.comparingLong(OrderMeasurement::micros)
                        .reversed()
                        .thenComparing(OrderMeasurement::orderId))
                .limit(limit)
                .toList();
    }

    private List<OrderMeasurement> kept(String stageId, Instant from, Instant to, int limit) {
        return jdbc.query(
                "SELECT order_id, ended_at, duration_us, error, sla_ok FROM stage_drill_down WHERE stage_id = ? "
                        + "AND slowest AND ended_at >= ? AND ended_at < ? AND first_seen < ? "
                        + "ORDER BY duration_us DESC, order_id LIMIT ?",
                ORDER,
                stageId,
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to),
                MeasurementWriter.timestamp(to.plus(Duration.ofDays(1))),
                limit);
    }

    /** Within one minute. */
    private List<OrderMeasurement> measured(String stageId, Instant from, Instant to, int limit) {
        return DrillDownRows.measuredSlowest(jdbc, stageId, from, to, limit).stream()
                .map(row -> new OrderMeasurement(
                        row.measurement().orderId(),
                        row.measurement().endedAt(),
                        row.measurement().micros(),
                        row.measurement().error(),
                        row.measurement().slaOk()))
                .toList();
    }
}
