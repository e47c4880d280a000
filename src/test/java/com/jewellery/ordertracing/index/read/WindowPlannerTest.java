package com.jewellery.ordertracing.index.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final WindowPlanner planner =
            new WindowPlanner(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofHours(1));

    @Test
    void aRunReadsFromTheCursorMinusTheOverlapToNowMinusTheLag() {
        List<TimeRange> windows = planner.plan(Optional.of(now.minusSeconds(10)), now);

        assertThat(windows).containsExactly(new TimeRange(now.minusSeconds(70), now.minusSeconds(5)));
    }

    @Test
    void aServiceWithoutCursorStartsTheInitialLookbackAgoInWindowSteps() {
        List<TimeRange> windows = planner.plan(Optional.empty(), now);

        assertThat(windows).hasSize(12);
        assertThat(windows.getFirst())
                .isEqualTo(new TimeRange(now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(55))));
        assertThat(windows.getLast()).isEqualTo(new TimeRange(now.minusSeconds(300), now.minusSeconds(5)));
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).from())
                    .as("no gap between windows")
                    .isEqualTo(windows.get(i - 1).to());
        }
    }

    @Test
    void aCursorAheadOfNowPlansNothing() {
        assertThat(planner.plan(Optional.of(now.plus(Duration.ofMinutes(2))), now))
                .isEmpty();
    }

    @Test
    void stepsCoverARangeExactlyWithAShorterLastWindow() {
        List<TimeRange> steps = planner.steps(now, now.plus(Duration.ofMinutes(12)));

        assertThat(steps)
                .containsExactly(
                        new TimeRange(now, now.plus(Duration.ofMinutes(5))),
                        new TimeRange(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(10))),
                        new TimeRange(now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(12))));
    }
}
