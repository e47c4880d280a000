package com.jewellery.ordertracing.index.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void everyItemIsStoredInReadingOrder() {
        List<String> stored = new CopyOnWriteArrayList<>();

        IndexStats total =
                ReadAhead.run((Consumer<Integer> sink) -> List.of(1, 2, 3, 4, 5).forEach(sink), item -> {
                    stored.add("stored " + item);
                    return new IndexStats(item, 0, 0, 0, 1, List.of());
                });

        assertThat(stored).containsExactly("stored 1", "stored 2", "stored 3", "stored 4", "stored 5");
        assertThat(total.tracesRead()).isEqualTo(15);
        assertThat(total.searches()).isEqualTo(5);
    }

    @Test
    void aFailedReadEndsTheRunWithItsOwnExceptionAfterStoringWhatCameBefore() {
        List<Integer> stored = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> ReadAhead.run(
                        (Consumer<Integer> sink) -> {
                            sink.accept(1);
                            throw new IllegalStateException("Jaeger is not reachable");
                        },
                        item -> {
                            stored.add(item);
                            return IndexStats.NONE;
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Jaeger is not reachable");

        assertThat(stored).containsExactly(1);
    }

    @Test
    void aFailedStoreStopsTheReaderInsteadOfLettingItRunOn() {
        List<Integer> offered = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> ReadAhead.run(
                        (Consumer<Integer> sink) -> {
                            for (int item = 1; item <= 1_000; item++) {
                                offered.add(item);
                                sink.accept(item);
                            }
                        },
                        item -> {
                            throw new IllegalStateException("database down");
                        }))
                .hasMessage("database down");

        assertThat(offered.size())
                .as("the reader stopped after the queue filled")
                .isLessThan(10);
    }

    @Test
    void nothingReadIsNothingStored() {
        assertThat(ReadAhead.run((Consumer<Integer> sink) -> {}, item -> IndexStats.NONE))
                .isEqualTo(IndexStats.NONE);
    }
}
