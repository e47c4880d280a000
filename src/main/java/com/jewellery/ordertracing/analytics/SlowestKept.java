package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which measurements of one stage and minute the drill-down keeps as its slowest: the {@link #KEPT} longest, ties
 * by order id. The slowest of any bucket made of whole minutes are then among its minutes' kept ones. Failed
 * measurements are kept as well, slowest or not (the drill-down lists them too), so a kept failed row that falls
 * out of the slowest is only marked so, and one that comes back in is marked again.
 */
final class SlowestKept {

    /** The drill-down lists at most this many slowest orders. */
    static final int KEPT = 20;

    static final Comparator<Row> SLOWEST_FIRST = Comparator.comparingLong(
                    (Row row) -> row.measurement().micros())
            .reversed()
            .thenComparing(row -> row.measurement().orderId());

    private SlowestKept() {}

    /**
     * What changes in one minute's kept rows.
     *
     * @param insert  new measurements to store, each with whether it is among the slowest
     * @param mark    stored failed rows that become (true) or stop being (false) among the slowest
     * @param remove  stored rows that stop being among the slowest and did not fail
     */
    record Changes(List<Flagged> insert, List<Flagged> mark, List<Row> remove) {}

    record Flagged(Row row, boolean slowest) {}

    /**
     * When the minute lost none of its slowest: the new ones compete with the kept ones, and the minute's
     * slowest cannot be any of the measurements not kept (each was slower than none of the kept ones).
     *
     * @param kept  the minute's stored slowest, after this write's removals
     * @param added this write's new measurements of the minute
     */
    static Changes merge(List<Row> kept, List<Row> added) {
        // when the minute is full, only those slower than its fastest kept one compete (most are not)
        Row weakest =
                kept.size() < KEPT ? null : kept.stream().max(SLOWEST_FIRST).orElseThrow();
        Stream<Row> contenders =
                added.stream().filter(row -> weakest == null || SLOWEST_FIRST.compare(row, weakest) < 0);
        Set<Row> slowest = top(Stream.concat(kept.stream(), contenders).toList());
        List<Flagged> insert = new ArrayList<>();
        for (Row row : added) {
            boolean isSlowest = slowest.contains(row);
            if (isSlowest || row.measurement().error()) {
                insert.add(new Flagged(row, isSlowest));
            }
        }
        return displaced(kept, slowest, insert, new ArrayList<>());
    }

    /**
     * When the minute lost one of its slowest (re-measured shorter, or into another minute): its slowest were read
     * again from every measurement of the minute, this write's included.
     *
     * @param kept     the minute's stored slowest, after this write's removals
     * @param added    this write's new measurements of the minute
     * @param measured the minute's slowest as read from the order rows
     */
    static Changes refill(List<Row> kept, List<Row> added, List<Row> measured) {
        Set<Row> slowest = top(measured);
        Set<Row> stored = new HashSet<>(kept);
        Set<Row> fresh = new HashSet<>(added);
        List<Flagged> insert = new ArrayList<>();
        List<Flagged> mark = new ArrayList<>();
        for (Row row : added) {
            boolean isSlowest = slowest.contains(row);
            if (isSlowest || row.measurement().error()) {
                insert.add(new Flagged(row, isSlowest));
            }
        }
        for (Row row : slowest) {
            if (stored.contains(row) || fresh.contains(row)) {
                continue;
            }
            // a failed row is stored already, as not among the slowest; any other is not stored
            if (row.measurement().error()) {
                mark.add(new Flagged(row, true));
            } else {
                insert.add(new Flagged(row, true));
            }
        }
        return displaced(kept, slowest, insert, mark);
    }

    private static Changes displaced(List<Row> kept, Set<Row> slowest, List<Flagged> insert, List<Flagged> mark) {
        List<Row> remove = new ArrayList<>();
        for (Row row : kept) {
            if (!slowest.contains(row)) {
                if (row.measurement().error()) {
                    mark.add(new Flagged(row, false));
                } else {
                    remove.add(row);
                }
            }
        }
        return new Changes(insert, mark, remove);
    }

    private static Set<Row> top(List<Row> rows) {
        return new HashSet<>(rows.stream().sorted(SLOWEST_FIRST).limit(KEPT).toList());
    }
}
