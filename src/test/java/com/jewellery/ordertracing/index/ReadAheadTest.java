package com.jewellery.ordertracing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void everyStepIsStoredInOrderWithWhatWasReadForIt() {
        List<String> stored = new CopyOnWriteArrayList<>();

        IndexStats total = ReadAhead.run(List.of(1, 2, 3, 4), step -> "read " + step, (step, read) -> {
            stored.add(step + ": " + read);
            return new IndexStats(step, 0, 0, 0, 1, List.of());
        });

        assertThat(stored).containsExactly("1: read 1", "2: read 2", "3: read 3", "4: read 4");
        assertThat(total.tracesRead()).isEqualTo(10);
        assertThat(total.searches()).isEqualTo(4);
    }

    @Test
    void aFailedReadStopsTheRunWithItsOwnExceptionAfterTheStepsBefore() {
        List<Integer> stored = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> ReadAhead.run(List.of(1, 2, 3), step -> {
            if (step == 2) {
                throw new IllegalStateException("Jaeger is not reachable");
            }
            return step;
        }, (step, read) -> {
            stored.add(step);
            return IndexStats.NONE;
        })).isInstanceOf(IllegalStateException.class).hasMessage("Jaeger is not reachable");

        assertThat(stored).containsExactly(1);
    }

    @Test
    void nothingToDoIsNoRun() {
        assertThat(ReadAhead.run(List.<Integer>of(), step -> step, (step, read) -> IndexStats.NONE))
                .isEqualTo(IndexStats.NONE);
    }
}
