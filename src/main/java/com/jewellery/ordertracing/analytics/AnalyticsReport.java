package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the analytics view shows for a range: every stage's series (catalog stages in flow order, then end
 * to end), the same for the previous period of the same length (bucket for bucket, shifted by the length),
 * and the comparison of the two periods per stage.
 */
public record AnalyticsReport(
        Resolution resolution,
        Resolution previousResolution,
        List<StageSeries> current,
        List<StageSeries> previous,
        List<PeriodComparison> comparisons) {

    /** Reads the range and the period before it (adjacent, so one query) and builds both periods' series. */
    public static AnalyticsReport of(AnalyticsQueries queries, List<String> stageIds, AnalyticsRange range) {
        Resolution current = Resolution.fitting(range.from(), range.to());
        Duration length = Duration.between(current.from(), current.to());
        Resolution previous =
                new Resolution(current.from().minus(length), current.from(), current.step(), current.rollup());
        // one read for both periods: they are adjacent
        Map<String, Map<Instant, Histogram>> histograms =
                queries.histograms(current.rollup(), previous.from(), current.to(), current.step());
        List<StageSeries> now = new ArrayList<>();
        List<StageSeries> before = new ArrayList<>();
        List<PeriodComparison> comparisons = new ArrayList<>();
        for (String stageId : stageIds) {
            Map<Instant, Histogram> byStart = histograms.getOrDefault(stageId, Map.of());
            StageSeries currentSeries = StageSeries.of(stageId, current, byStart);
            StageSeries previousSeries = StageSeries.of(stageId, previous, byStart);
            now.add(currentSeries);
            before.add(previousSeries);
            comparisons.add(PeriodComparison.of(stageId, currentSeries.total(), previousSeries.total()));
        }
        return new AnalyticsReport(current, previous, now, before, comparisons);
    }

    public Optional<StageSeries> current(String stageId) {
        return current.stream()
                .filter(series -> series.stageId().equals(stageId))
                .findFirst();
    }

    public Optional<StageSeries> previous(String stageId) {
        return previous.stream()
                .filter(series -> series.stageId().equals(stageId))
                .findFirst();
    }
}
