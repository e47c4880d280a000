package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the rollups gain and lose from one write, summed per row of each rollup table. */
final class RollupChanges {

    private final Map<Rollup, TreeMap<Cell, RowDelta>> rows = new EnumMap<>(Rollup.class);

    RollupChanges() {
        for (Rollup rollup : Rollup.values()) {
            rows.put(rollup, new TreeMap<>(Cell.ORDER));
        }
    }

    void add(Row row) {
        change(row, 1);
    }

    void subtract(Row row) {
        change(row, -1);
    }

    private void change(Row row, int sign) {
        StageMeasurement m = row.measurement();
        for (Rollup rollup : Rollup.values()) {
            Instant start = Resolution.floor(m.endedAt(), rollup.width());
            RowDelta delta = rows.get(rollup).computeIfAbsent(new Cell(m.stageId(), start), cell -> new RowDelta());
            delta.change(m.bucket(), sign, m.error() ? sign : 0, m.slaOk() ? sign : 0);
            if (sign > 0) {
                delta.firstSeen(row.partitionKey());
            }
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
            if (!changed.isEmpty()) {
                jdbc.update(connection -> {
                    PreparedStatement statement = connection.prepareStatement("INSERT INTO " + rollup.table()
                            + " AS r (stage_id, bucket_start, counts, orders, errors, sla_ok, first_seen_from, first_seen_until) "
                            + "SELECT s, t, CAST(c AS integer[]), o, e, k, f, u FROM unnest(CAST(? AS varchar[]), "
                            + "CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS integer[]), "
                            + "CAST(? AS integer[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[])) AS d(s, t, c, o, e, k, f, u) "
                            + "ON CONFLICT (stage_id, bucket_start) DO UPDATE "
                            + "SET counts = stage_rollup_add(r.counts, excluded.counts), orders = r.orders + excluded.orders, "
                            + "errors = r.errors + excluded.errors, sla_ok = r.sla_ok + excluded.sla_ok, "
                            + "first_seen_from = least(r.first_seen_from, excluded.first_seen_from), "
                            + "first_seen_until = greatest(r.first_seen_until, excluded.first_seen_until)");
                    int n = changed.size();
                    Object[] stages = new Object[n];
                    Object[] starts = new Object[n];
                    Object[] counts = new Object[n];
                    Object[] orders = new Object[n];
                    Object[] errors = new Object[n];
                    Object[] slaOk = new Object[n];
                    Object[] firstSeen = new Object[n];
                    Object[] lastSeen = new Object[n];
                    for (int i = 0; i < n; i++) {
                        Cell cell = changed.get(i).getKey();
                        RowDelta delta = changed.get(i).getValue();
                        stages[i] = cell.stageId();
                        starts[i] = cell.start().toString();
                        counts[i] = delta.countsLiteral();
                        orders[i] = (int) delta.orders;
                        errors[i] = (int) delta.errors;
                        slaOk[i] = (int) delta.slaOk;
                        firstSeen[i] = delta.firstSeen == null ? null : delta.firstSeen.toString();
                        lastSeen[i] = delta.lastSeen == null ? null : delta.lastSeen.toString();
                    }
                    statement.setArray(1, connection.createArrayOf("varchar", stages));
                    statement.setArray(2, connection.createArrayOf("timestamptz", starts));
                    statement.setArray(3, connection.createArrayOf("text", counts));
                    statement.setArray(4, connection.createArrayOf("int4", orders));
                    statement.setArray(5, connection.createArrayOf("int4", errors));
                    statement.setArray(6, connection.createArrayOf("int4", slaOk));
                    statement.setArray(7, connection.createArrayOf("timestamptz", firstSeen));
                    statement.setArray(8, connection.createArrayOf("timestamptz", lastSeen));
                    return statement;
                });
            }
        }
    }

    /** The change to one rollup row: per bucket, the row's tallies, and the earliest and latest first_seen added. */
    private static final class RowDelta {

        private final TreeMap<Integer, Long> counts = new TreeMap<>();
        private long orders;
        private long errors;
        private long slaOk;
        private Instant firstSeen;
        private Instant lastSeen;

        void change(int bucket, int ordersChange, int errorsChange, int slaChange) {
            counts.merge(bucket, (long) ordersChange, Long::sum);
            orders += ordersChange;
            errors += errorsChange;
            slaOk += slaChange;
        }

        void firstSeen(Instant partitionKey) {
            firstSeen = firstSeen == null || partitionKey.isBefore(firstSeen) ? partitionKey : firstSeen;
            lastSeen = lastSeen == null || partitionKey.isAfter(lastSeen) ? partitionKey : lastSeen;
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
