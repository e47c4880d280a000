package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:07:31Z");

    @Test
    void eachPresetGetsAStepThatFitsAndTheRollupForIt() {
        assertThat(fit(AnalyticsRange.Preset.HOUR))
                .extracting(Resolution::step, Resolution::rollup)
                .containsExactly(Duration.ofMinutes(1), Rollup.MINUTE);
        assertThat(fit(AnalyticsRange.Preset.DAY))
                .extracting(Resolution::step, Resolution::rollup)
                .containsExactly(Duration.ofMinutes(15), Rollup.QUARTER_HOUR);
        assertThat(fit(AnalyticsRange.Preset.WEEK))
                .extracting(Resolution::step, Resolution::rollup)
                .containsExactly(Duration.ofHours(1), Rollup.HOUR);
        assertThat(fit(AnalyticsRange.Preset.MONTH))
                .extracting(Resolution::step, Resolution::rollup)
                .containsExactly(Duration.ofHours(6), Rollup.SIX_HOURS);
        assertThat(Resolution.fitting(NOW.minus(Duration.ofDays(90)), NOW))
                .extracting(Resolution::step, Resolution::rollup)
                .containsExactly(Duration.ofDays(1), Rollup.SIX_HOURS);
        assertThat(Resolution.fitting(NOW.minus(Duration.ofMinutes(10)), NOW).step())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aStepIsSummedFromTheCoarsestRollupWhoseRowsDivideIt() {
        assertThat(Rollup.forStep(Duration.ofMinutes(5))).isEqualTo(Rollup.MINUTE);
        assertThat(Rollup.forStep(Duration.ofMinutes(45))).isEqualTo(Rollup.QUARTER_HOUR);
        assertThat(Rollup.forStep(Duration.ofHours(2))).isEqualTo(Rollup.HOUR);
        assertThat(Rollup.forStep(Duration.ofDays(1))).isEqualTo(Rollup.SIX_HOURS);
    }

    @Test
    void bucketsAreAlignedToTheStepAndCoverTheWholeRange() {
        Resolution hour = fit(AnalyticsRange.Preset.HOUR);
        assertThat(hour.from()).isEqualTo(Instant.parse("2026-12-01T08:07:00Z"));
        assertThat(hour.to()).isEqualTo(Instant.parse("2026-12-01T09:08:00Z"));
        assertThat(hour.bucketStarts()).hasSize(61).first().isEqualTo(hour.from());
        assertThat(hour.bucketStarts().getLast()).isEqualTo(Instant.parse("2026-12-01T09:07:00Z"));
        assertThat(hour.bucketOf(Instant.parse("2026-12-01T08:59:59.999Z")))
                .isEqualTo(Instant.parse("2026-12-01T08:59:00Z"));

        Resolution month = fit(AnalyticsRange.Preset.MONTH);
        assertThat(month.from()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(month.to()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(month.bucketStarts()).hasSizeLessThanOrEqualTo(Resolution.MAX_POINTS);
    }

    @Test
    void aRangeAlreadyOnTheStepIsKept() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        Resolution day = Resolution.fitting(from, from.plus(Duration.ofDays(1)));
        assertThat(day.from()).isEqualTo(from);
        assertThat(day.to()).isEqualTo(from.plus(Duration.ofDays(1)));
        assertThat(day.bucketStarts()).hasSize(96);
        assertThatThrownBy(() -> Resolution.fitting(from, from)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customRangesAreChecked() {
        Duration longest = Duration.ofDays(90);
        assertThat(AnalyticsRange.check(null, NOW, NOW, longest)).contains(AnalyticsRange.Problem.MISSING);
        assertThat(AnalyticsRange.check(NOW, NOW, NOW, longest)).contains(AnalyticsRange.Problem.NOT_BEFORE);
        assertThat(AnalyticsRange.check(NOW.minusSeconds(60), NOW, NOW, longest))
                .contains(AnalyticsRange.Problem.TOO_SHORT);
        assertThat(AnalyticsRange.check(NOW.minus(Duration.ofDays(91)), NOW, NOW, longest))
                .contains(AnalyticsRange.Problem.TOO_LONG);
        assertThat(AnalyticsRange.check(NOW.plusSeconds(60), NOW.plusSeconds(3600), NOW, longest))
                .contains(AnalyticsRange.Problem.IN_FUTURE);
        assertThat(AnalyticsRange.check(NOW.minus(Duration.ofDays(3)), NOW, NOW, longest))
                .isEmpty();
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsWhereThisOneStarts() {
        AnalyticsRange day = AnalyticsRange.last(AnalyticsRange.Preset.DAY, NOW);
        assertThat(day.previous().to()).isEqualTo(day.from());
        assertThat(day.previous().length()).isEqualTo(day.length());
        assertThat(AnalyticsRange.Preset.of("7d")).contains(AnalyticsRange.Preset.WEEK);
        assertThat(AnalyticsRange.Preset.of("2w")).isEmpty();
    }

    private static Resolution fit(AnalyticsRange.Preset preset) {
        AnalyticsRange range = AnalyticsRange.last(preset, NOW);
        return Resolution.fitting(range.from(), range.to());
    }
}
