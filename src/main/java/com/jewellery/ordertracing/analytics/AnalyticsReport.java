package com.jewellery.ordertracing.analytics;

import java.util.List;
import java.util.Optional;

/**
 * What the analytics view shows for a range: every stage's series (catalog stages in flow order, then end
 * to end), the same for the previous period of the same length (bucket for bucket, shifted by the length),
 * and the comparison of the two periods per stage.
 */
public record AnalyticsReport(Resolution resolution, Resolution previousResolution, List<StageSeries> current,
        List<StageSeries> previous, List<PeriodComparison> comparisons) {

    public Optional<StageSeries> current(String stageId) {
        return current.stream().filter(series -> series.stageId().equals(stageId)).findFirst();
    }

    public Optional<StageSeries> previous(String stageId) {
        return previous.stream().filter(series -> series.stageId().equals(stageId)).findFirst();
    }
}
