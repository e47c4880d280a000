package com.jewellery.ordertracing.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stage over a period: a histogram per time bucket (every bucket of the resolution, empty ones
 * included, so a gap shows as a gap and not as a line drawn across it) and the whole period's histogram.
 */
public record StageSeries(String stageId, List<Point> points, Histogram total) {

    /** @param start the bucket's start; the bucket covers [start, start + step) */
    public record Point(Instant start, Histogram histogram) {}

    /** Builds the series of one stage from the rollup's histograms by bucket start. */
    public static StageSeries of(String stageId, Resolution resolution, Map<Instant, Histogram> byStart) {
        TreeMap<Instant, Histogram> sorted = new TreeMap<>(byStart);
        Histogram total = new Histogram();
        List<Point> points = resolution.bucketStarts().stream()
                .map(start -> {
                    Histogram histogram = sorted.getOrDefault(start, new Histogram());
                    total.addAll(histogram);
                    return new Point(start, histogram);
                })
                .toList();
        return new StageSeries(stageId, points, total);
    }
}
