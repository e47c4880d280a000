package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the rollups gain and lose from one write, summed per row of each rollup table. Kept in hash maps and
 * sorted once when written: the indexer adds every measurement of a piece to four rollups, and tree maps of
 * cells and boxed bucket counts were the largest part of its Java time for measurements (a flight recording).
 */
final class RollupChanges {

    private final Map<Rollup, Map<Cell, RowDelta>> rows = new EnumMap<>(Rollup.class);

    RollupChanges() {
        for (Rollup rollup : Rollup.values()) {
            rows.put(rollup, new HashMap<>());
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
        int bucket = m.bucket();
        long ended = m.endedAt().getEpochSecond();
        for (Rollup rollup : Rollup.values()) {
            long start = Resolution.floorSeconds(ended, rollup.width());
            RowDelta delta = rows.get(rollup).computeIfAbsent(new Cell(m.stageId(), start), cell -> new RowDelta());
            delta.change(bucket, sign, m.error() ? sign : 0, m.slaOk() ? sign : 0);
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
                    .sorted(Map.Entry.comparingByKey(Cell.ORDER))
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
                        starts[i] = Instant.ofEpochSecond(cell.start()).toString();
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

        /** Per bucket from {@link #lowest}; a stage's durations of a minute fill a few dozen buckets. */
        private int[] counts = new int[0];

        private int lowest;
        private long orders;
        private long errors;
        private long slaOk;
        private Instant firstSeen;
        private Instant lastSeen;

        void change(int bucket, int ordersChange, int errorsChange, int slaChange) {
            cover(bucket);
            counts[bucket - lowest] += ordersChange;
            orders += ordersChange;
            errors += errorsChange;
            slaOk += slaChange;
        }

        /** Grows the counts to take {@code bucket}, with room for the neighbours the next ones likely fall in. */
        private void cover(int bucket) {
            if (counts.length == 0) {
                lowest = Math.max(0, bucket - 8);
                counts = new int[16];
            } else if (bucket < lowest) {
                int newLowest = Math.max(0, bucket - 8);
                int[] grown = new int[counts.length + lowest - newLowest];
                System.arraycopy(counts, 0, grown, lowest - newLowest, counts.length);
                counts = grown;
                lowest = newLowest;
            } else if (bucket - lowest >= counts.length) {
                counts = Arrays.copyOf(counts, bucket - lowest + 9);
            }
        }

        void firstSeen(Instant partitionKey) {
            firstSeen = firstSeen == null || partitionKey.isBefore(firstSeen) ? partitionKey : firstSeen;
            lastSeen = lastSeen == null || partitionKey.isAfter(lastSeen) ? partitionKey : lastSeen;
        }

        boolean changes() {
            return orders != 0
                    || errors != 0
                    || slaOk != 0
                    || Arrays.stream(counts).anyMatch(count -> count != 0);
        }

        /**
         * The buckets from the first to the last that changed, as a PostgreSQL array literal with its bounds,
         * e.g. {@code [301:303]={2,0,-1}}; a single zero when none did.
         */
        String countsLiteral() {
            int first = 0;
            while (first < counts.length && counts[first] == 0) {
                first++;
            }
            if (first == counts.length) {
                // only the flags changed (a measurement re-measured into its own bucket): one bucket, unchanged
                return "[" + lowest + ":" + lowest + "]={0}";
            }
            int last = counts.length - 1;
            while (counts[last] == 0) {
                last--;
            }
            StringBuilder literal = new StringBuilder()
                    .append('[')
                    .append(lowest + first)
                    .append(':')
                    .append(lowest + last)
                    .append("]={");
            for (int i = first; i <= last; i++) {
                literal.append(i == first ? "" : ",").append(counts[i]);
            }
            return literal.append('}').toString();
        }
    }

    /** A rollup row's key; {@code start} in seconds since the epoch. */
    private record Cell(String stageId, long start) {
        static final Comparator<Cell> ORDER =
                Comparator.comparing(Cell::stageId).thenComparingLong(Cell::start);
    }
}
