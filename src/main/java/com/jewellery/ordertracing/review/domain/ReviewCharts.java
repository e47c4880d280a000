package com.jewellery.ordertracing.review.domain;

import java.util.List;

/**
 * What the review's two charts draw, the same on the page (echarts) and in the PDF (drawn bars): each
 * stage's p95 over the trend's weeks, and each stage's p95 this week beside the week before and its SLA.
 * Milliseconds; null where a week had no measurement.
 */
public final class ReviewCharts {

    /** @param p95Ms one per trend week, oldest first */
    public record Trend(String stageId, List<Double> p95Ms) {}

    public record StageP95(String stageId, Double thisWeekMs, Double lastWeekMs, Double slaMs) {}

    private ReviewCharts() {}

    /** The trend's weeks, oldest first (every stage has the same). */
    public static List<String> weeks(ReviewFigures f) {
        return f.stages().isEmpty()
                ? List.of()
                : f.stages().getFirst().trend().stream()
                        .map(ReviewFigures.TrendPoint::week)
                        .toList();
    }

    /** The stages measured in any week of the trend. */
    public static List<Trend> trend(ReviewFigures f) {
        return f.stages().stream()
                .filter(s -> s.trend().stream().anyMatch(p -> p.p95Ms() != null))
                .map(s -> new Trend(
                        s.stageId(),
                        s.trend().stream().map(ReviewFigures.TrendPoint::p95Ms).toList()))
                .toList();
    }

    /** The stages measured this week or the week before. */
    public static List<StageP95> stageP95(ReviewFigures f) {
        return f.stages().stream()
                .map(s -> new StageP95(s.stageId(), s.p95Ms(), lastWeek(s), s.slaMs()))
                .filter(s -> s.thisWeekMs() != null || s.lastWeekMs() != null)
                .toList();
    }

    /** The largest value of a chart, for scaling drawn bars; 0 when there is none. */
    public static double max(List<Double> values) {
        return values.stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    private static Double lastWeek(ReviewFigures.StageRow s) {
        return s.trend().size() < 2 ? null : s.trend().get(s.trend().size() - 2).p95Ms();
    }
}
