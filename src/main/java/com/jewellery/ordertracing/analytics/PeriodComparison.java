package com.jewellery.ordertracing.analytics;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A stage's metrics over the chosen period against the period of the same length before it.
 * Durations and counts change by a ratio ({@code +12 %}); shares by percentage points (an error rate
 * from 1 % to 3 % is {@code +2 pp}, not {@code +200 %}).
 */
public record PeriodComparison(String stageId, Map<Metric, Change> changes) {

    /**
     * @param delta relative change (0.12 = +12 %) for durations and counts, difference of the shares for
     *              shares; null when either side has no value, or a relative change from zero
     */
    public record Change(Double current, Double previous, Double delta) {}

    public static PeriodComparison of(String stageId, Histogram current, Histogram previous) {
        Map<Metric, Change> changes = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            changes.put(metric, change(metric, metric.of(current), metric.of(previous)));
        }
        return new PeriodComparison(stageId, changes);
    }

    static Change change(Metric metric, OptionalDouble current, OptionalDouble previous) {
        Double now = current.isPresent() ? current.getAsDouble() : null;
        Double before = previous.isPresent() ? previous.getAsDouble() : null;
        if (now == null || before == null) {
            return new Change(now, before, null);
        }
        if (metric.kind() == Metric.Kind.SHARE) {
            return new Change(now, before, now - before);
        }
        return new Change(now, before, before == 0 ? null : now / before - 1);
    }

    public Change change(Metric metric) {
        return changes.get(metric);
    }
}
