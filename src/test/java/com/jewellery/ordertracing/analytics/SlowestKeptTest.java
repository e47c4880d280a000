package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.analytics.MeasurementWriter.Row;
import com.jewellery.ordertracing.analytics.SlowestKept.Changes;
import com.jewellery.ordertracing.analytics.SlowestKept.Flagged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlowestKeptTest {

    private static final Instant MINUTE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void newMeasurementsDisplaceTheKeptOnesThatAreNowTooFastAFailedOneIsOnlyMarked() {
        List<Row> kept = IntStream.range(0, SlowestKept.KEPT)
                .mapToObj(i -> row("K" + i, 1_000 + i, i == 0))
                .toList();
        Row slower = row("NEW-SLOW", 5_000, false);
        Row slowerStill = row("NEW-SLOWER", 6_000, false);
        Row fastFailed = row("NEW-FAILED", 10, true);
        Row fast = row("NEW-FAST", 20, false);

        Changes changes = SlowestKept.merge(kept, List.of(slower, slowerStill, fastFailed, fast));

        assertThat(changes.insert())
                .containsExactlyInAnyOrder(
                        new Flagged(slower, true), new Flagged(slowerStill, true), new Flagged(fastFailed, false));
        // K0 (1,000 µs, failed) and K1 (1,001 µs) were the two fastest kept
        assertThat(changes.mark()).containsExactly(new Flagged(kept.get(0), false));
        assertThat(changes.remove()).containsExactly(kept.get(1));
    }

    @Test
    void aMinuteWithFewerOrdersThanKeptKeepsThemAll() {
        Row a = row("A", 10, false);
        Row b = row("B", 20, false);

        Changes changes = SlowestKept.merge(List.of(a), List.of(b));

        assertThat(changes.insert()).containsExactly(new Flagged(b, true));
        assertThat(changes.mark()).isEmpty();
        assertThat(changes.remove()).isEmpty();
    }

    @Test
    void aRefillStoresTheMeasuredSlowestNotYetKeptAndMarksAFailedOneAgain() {
        List<Row> kept = new ArrayList<>(IntStream.range(0, SlowestKept.KEPT - 1)
                .mapToObj(i -> row("K" + i, 1_000 + i, false))
                .toList());
        Row storedFailed = row("FAILED", 900, true);
        Row notStored = row("PLAIN", 800, false);
        Row added = row("ADDED", 50, false);
        List<Row> measured = new ArrayList<>(kept);
        measured.add(storedFailed);
        measured.add(notStored);
        measured.add(added);

        Changes changes = SlowestKept.refill(kept, List.of(added), measured);

        // the 19 kept and the failed one are the 20 slowest: the failed one is marked, nothing else moves
        assertThat(changes.mark()).containsExactly(new Flagged(storedFailed, true));
        assertThat(changes.insert()).isEmpty();
        assertThat(changes.remove()).isEmpty();
    }

    /** Any order of arrivals leaves the minute's true slowest kept, and no more than them but failed ones. */
    @Test
    void arrivalsInAnyOrderKeepExactlyTheSlowest() {
        Random random = new Random(7);
        List<Row> all = IntStream.range(0, 500)
                .mapToObj(i -> row("O" + i, random.nextInt(100_000), random.nextInt(20) == 0))
                .toList();
        List<Row> slowest = new ArrayList<>();
        List<Row> failedOnly = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 37) {
            List<Row> piece = all.subList(from, Math.min(all.size(), from + 37));
            Changes changes = SlowestKept.merge(List.copyOf(slowest), piece);
            changes.remove().forEach(slowest::remove);
            for (Flagged mark : changes.mark()) {
                (mark.slowest() ? failedOnly : slowest).remove(mark.row());
                (mark.slowest() ? slowest : failedOnly).add(mark.row());
            }
            for (Flagged insert : changes.insert()) {
                (insert.slowest() ? slowest : failedOnly).add(insert.row());
            }
        }
        assertThat(slowest)
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .sorted(SlowestKept.SLOWEST_FIRST)
                        .limit(SlowestKept.KEPT)
                        .toList());
        assertThat(failedOnly).allMatch(row -> row.measurement().error()).hasSize((int) all.stream()
                .filter(row -> row.measurement().error() && !slowest.contains(row))
                .count());
    }

    private static Row row(String orderId, long micros, boolean error) {
        return new Row(
                MINUTE.minusSeconds(30),
                new StageMeasurement(orderId, "mes.price", MINUTE.plusMillis(micros % 60_000), micros, error, true));
    }
}
