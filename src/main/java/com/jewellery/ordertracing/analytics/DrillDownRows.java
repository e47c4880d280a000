package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import com.jewellery.ordertracing.analytics.SlowestKept.Changes;
import com.jewellery.ordertracing.analytics.SlowestKept.Flagged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Keeps {@code stage_drill_down} (V25) in step with a write of measurements: every failed measurement, and per
 * stage and minute the {@link SlowestKept#KEPT} slowest. Called after the order rows and the rollups are written,
 * in the same transaction, so a minute whose slowest must be read again is read with this write in it.
 */
final class DrillDownRows {

    static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * The measurements of one stage ended in [from, to) within one minute, slowest first, from the order rows first
     * seen within the bounds the minute's rollup row keeps (V25, V26).
     */
    static final String MEASURED_SLOWEST = """
            SELECT first_seen, order_id, stage_id, ended_at, duration_us, error, sla_ok FROM stage_measurement
            WHERE first_seen >= coalesce((SELECT r.first_seen_from FROM stage_rollup_minute r
                    WHERE r.stage_id = ? AND r.bucket_start = ?), '-infinity')
                AND first_seen <= coalesce((SELECT r.first_seen_until FROM stage_rollup_minute r
                    WHERE r.stage_id = ? AND r.bucket_start = ?), 'infinity')
                AND stage_id = ? AND ended_at >= ? AND ended_at < ?
            ORDER BY duration_us DESC, order_id LIMIT ?""";

    static final RowMapper<Row> ROW = (rs, n) -> new Row(
            MeasurementWriter.instant(rs, "first_seen"),
            new StageMeasurement(
                    rs.getString("order_id"),
                    rs.getString("stage_id"),
                    MeasurementWriter.instant(rs, "ended_at"),
                    rs.getLong("duration_us"),
                    rs.getBoolean("error"),
                    rs.getBoolean("sla_ok")));

    private static final String MATCH =
            " WHERE d.stage_id = x.s AND d.ended_at = x.e AND d.order_id = x.o " + "AND d.first_seen = x.f";
    private static final String KEYS = "unnest(CAST(? AS varchar[]), CAST(? AS timestamptz[]), CAST(? AS varchar[]), "
            + "CAST(? AS timestamptz[])";
    /** Deletes the stored rows of the bound measurements (their keys as {@link #bindKeys} binds them). */
    private static final String DELETE_MATCHING =
            "DELETE FROM stage_drill_down d USING " + KEYS + ") AS x(s, e, o, f)" + MATCH;

    private final JdbcTemplate jdbc;

    DrillDownRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The slowest measurements of one stage ended in [from, to) within one minute, read from the order rows. */
    static List<Row> measuredSlowest(JdbcTemplate jdbc, String stageId, Instant from, Instant to, int limit) {
        Instant minute = Resolution.floor(from, MINUTE);
        return jdbc.query(
                MEASURED_SLOWEST,
                ROW,
                stageId,
                MeasurementWriter.timestamp(minute),
                stageId,
                MeasurementWriter.timestamp(minute),
                stageId,
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to),
                limit);
    }

    /**
     * @param removed the stored measurements this write replaced or took away
     * @param added   the measurements it stored, new or changed
     */
    void write(List<Row> removed, List<Row> added) {
        Set<Row> lostSlowest = remove(removed);
        Map<Cell, List<Row>> addedByCell = byCell(added);
        Set<Cell> refill = new HashSet<>();
        for (Row lost : lostSlowest) {
            Cell cell = Cell.of(lost);
            boolean stillSlower = addedByCell.getOrDefault(cell, List.of()).stream()
                    .anyMatch(row -> sameStageOfOrder(row, lost)
                            && row.measurement().micros() >= lost.measurement().micros());
            if (!stillSlower) {
                refill.add(cell);
            }
        }
        Set<Cell> cells = new HashSet<>(addedByCell.keySet());
        cells.addAll(refill);
        if (cells.isEmpty()) {
            return;
        }
        Map<Cell, List<Row>> kept = kept(cells);
        List<Flagged> insert = new ArrayList<>();
        List<Flagged> mark = new ArrayList<>();
        List<Row> remove = new ArrayList<>();
        for (Cell cell : cells) {
            List<Row> keptRows = kept.getOrDefault(cell, List.of());
            List<Row> addedRows = addedByCell.getOrDefault(cell, List.of());
            Changes changes = refill.contains(cell)
                    ? SlowestKept.refill(
                            keptRows,
                            addedRows,
                            measuredSlowest(
                                    jdbc,
                                    cell.stageId(),
                                    cell.start(),
                                    cell.start().plus(MINUTE),
                                    SlowestKept.KEPT))
                    : SlowestKept.merge(keptRows, addedRows);
            insert.addAll(changes.insert());
            mark.addAll(changes.mark());
            remove.addAll(changes.remove());
        }
        insert(insert);
        mark(mark);
        if (!remove.isEmpty()) {
            keyed(DELETE_MATCHING + " AND d.slowest", remove);
        }
    }

    /** Deletes the stored rows of these measurements; returns those of them that were among the slowest. */
    private Set<Row> remove(List<Row> removed) {
        Set<Row> lostSlowest = new HashSet<>();
        List<Row> failed =
                removed.stream().filter(row -> row.measurement().error()).toList();
        List<Row> others =
                removed.stream().filter(row -> !row.measurement().error()).toList();
        // each through the partial index that holds it: a failed row is in the one on error, any other is stored
        // only when it is among the slowest
        lostSlowest.addAll(
                deleted(DELETE_MATCHING + " AND d.error RETURNING d.stage_id, d.order_id, d.slowest", failed));
        lostSlowest.addAll(
                deleted(DELETE_MATCHING + " AND d.slowest RETURNING d.stage_id, d.order_id, d.slowest", others));
        return lostSlowest;
    }

    private List<Row> deleted(String sql, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Row> byStageOfOrder = new TreeMap<>();
        rows.forEach(row -> byStageOfOrder.put(
                stageOfOrder(row.measurement().stageId(), row.measurement().orderId()), row));
        List<Row> slowest = new ArrayList<>();
        jdbc.query(connection -> keys(connection, sql, rows), (ResultSet rs) -> {
            if (rs.getBoolean("slowest")) {
                slowest.add(byStageOfOrder.get(stageOfOrder(rs.getString("stage_id"), rs.getString("order_id"))));
            }
        });
        return slowest;
    }

    /** The stored slowest of these minutes, read in one statement. */
    private Map<Cell, List<Row>> kept(Set<Cell> cells) {
        List<Cell> ordered = cells.stream().sorted(Cell.ORDER).toList();
        List<Row> rows = jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("""
                            SELECT d.first_seen, d.order_id, d.stage_id, d.ended_at, d.duration_us, d.error, d.sla_ok
                            FROM unnest(CAST(? AS varchar[]), CAST(? AS timestamptz[])) AS c(s, t)
                            JOIN stage_drill_down d ON d.stage_id = c.s AND d.ended_at >= c.t
                                AND d.ended_at < c.t + INTERVAL '1 minute' AND d.slowest""");
                    column(statement, 1, "varchar", ordered, Cell::stageId);
                    column(
                            statement,
                            2,
                            "timestamptz",
                            ordered,
                            cell -> cell.start().toString());
                    return statement;
                },
                ROW);
        return byCell(rows);
    }

    private void insert(List<Flagged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO stage_drill_down (stage_id, ended_at, order_id, first_seen, duration_us, error, sla_ok, slowest)
                    SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS timestamptz[]), CAST(? AS varchar[]),
                        CAST(? AS timestamptz[]), CAST(? AS bigint[]), CAST(? AS boolean[]), CAST(? AS boolean[]),
                        CAST(? AS boolean[]))""");
            List<Row> plain = rows.stream().map(Flagged::row).toList();
            bindKeys(statement, plain);
            column(statement, 5, "int8", plain, row -> row.measurement().micros());
            column(statement, 6, "bool", plain, row -> row.measurement().error());
            column(statement, 7, "bool", plain, row -> row.measurement().slaOk());
            column(statement, 8, "bool", rows, Flagged::slowest);
            return statement;
        });
    }

    private void mark(List<Flagged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement =
                    connection.prepareStatement("UPDATE stage_drill_down d SET slowest = x.k FROM " + KEYS
                            + ", CAST(? AS boolean[])) AS x(s, e, o, f, k)" + MATCH + " AND d.error");
            bindKeys(statement, rows.stream().map(Flagged::row).toList());
            column(statement, 5, "bool", rows, Flagged::slowest);
            return statement;
        });
    }

    private void keyed(String sql, List<Row> rows) {
        jdbc.update(connection -> keys(connection, sql, rows));
    }

    private static PreparedStatement keys(Connection connection, String sql, List<Row> rows) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bindKeys(statement, rows);
        return statement;
    }

    private static void bindKeys(PreparedStatement statement, List<Row> rows) throws SQLException {
        // times as text: the driver's array encoder takes strings, and PostgreSQL reads ISO-8601 instants
        column(statement, 1, "varchar", rows, row -> row.measurement().stageId());
        column(
                statement,
                2,
                "timestamptz",
                rows,
                row -> row.measurement().endedAt().toString());
        column(statement, 3, "varchar", rows, row -> row.measurement().orderId());
        column(statement, 4, "timestamptz", rows, row -> row.partitionKey().toString());
    }

    /** Binds one value of each row as an array parameter: a column of the statement's {@code unnest}. */
    private static <T> void column(
            PreparedStatement statement, int index, String type, List<T> rows, Function<T, Object> value)
            throws SQLException {
        statement.setArray(
                index,
                statement
                        .getConnection()
                        .createArrayOf(type, rows.stream().map(value).toArray()));
    }

    private static Map<Cell, List<Row>> byCell(List<Row> rows) {
        Map<Cell, List<Row>> cells = new TreeMap<>(Cell.ORDER);
        rows.forEach(row ->
                cells.computeIfAbsent(Cell.of(row), cell -> new ArrayList<>()).add(row));
        return cells;
    }

    private static boolean sameStageOfOrder(Row a, Row b) {
        return a.measurement().orderId().equals(b.measurement().orderId())
                && a.measurement().stageId().equals(b.measurement().stageId());
    }

    private static String stageOfOrder(String stageId, String orderId) {
        return stageId + '\u0000' + orderId;
    }

    /** A stage and a minute of ended_at. */
    record Cell(String stageId, Instant start) {
        static final Comparator<Cell> ORDER =
                Comparator.comparing(Cell::stageId).thenComparing(Cell::start);

        static Cell of(Row row) {
            return new Cell(
                    row.measurement().stageId(),
                    Resolution.floor(row.measurement().endedAt(), MINUTE));
        }
    }
}
