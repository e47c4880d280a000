package com.jewellery.ordertracing.review.ui;

import com.jewellery.ordertracing.analytics.ui.StageChart;
import com.jewellery.ordertracing.review.domain.ReviewCharts;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The review's two charts on the page, on the analytics' echarts component, from {@link ReviewCharts}. */
final class Charts {

    private final CommentEditor.Translator t;
    private final Locale locale;

    Charts(CommentEditor.Translator t, Locale locale) {
        this.t = t;
        this.locale = locale;
    }

    /** Each stage's p95 this week (bars) beside the week before (bars, lighter); empty without measurements. */
    Optional<StageChart> stageP95(ReviewFigures figures) {
        List<ReviewCharts.StageP95> stages = ReviewCharts.stageP95(figures);
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        StageChart chart = new StageChart("review-chart-stages");
        chart.show(
                locale,
                t.get("review.chart.stageAxis"),
                stages.stream().map(stage -> name(stage.stageId())).toList(),
                List.of(p95Axis()),
                List.of(
                        new StageChart.Series(
                                t.get("review.chart.thisWeek"),
                                "bar",
                                0,
                                false,
                                "#1565c0",
                                values(stages.stream()
                                        .map(ReviewCharts.StageP95::thisWeekMs)
                                        .toList())),
                        new StageChart.Series(
                                t.get("review.chart.lastWeek"),
                                "bar",
                                0,
                                false,
                                "#90a4ae",
                                values(stages.stream()
                                        .map(ReviewCharts.StageP95::lastWeekMs)
                                        .toList()))));
        return Optional.of(chart);
    }

    /** One line per stage: its p95 in each week of the trend. */
    Optional<StageChart> trend(ReviewFigures figures) {
        List<ReviewCharts.Trend> trend = ReviewCharts.trend(figures);
        if (trend.isEmpty()) {
            return Optional.empty();
        }
        StageChart chart = new StageChart("review-chart-trend");
        chart.show(
                locale,
                t.get("review.chart.weekAxis"),
                ReviewCharts.weeks(figures),
                List.of(p95Axis()),
                trend.stream()
                        .map(stage -> new StageChart.Series(
                                name(stage.stageId()), "line", 0, false, null, values(stage.p95Ms())))
                        .toList());
        return Optional.of(chart);
    }

    private String name(String stageId) {
        return ReviewRows.stageName(stageId, t::get);
    }

    private StageChart.Axis p95Axis() {
        return new StageChart.Axis("p95", t.get("review.chart.axis"), 0.0, null);
    }

    /** Values with their tooltip text; a null stays a gap. */
    private static List<StageChart.Value> values(List<Double> millis) {
        List<StageChart.Value> values = new ArrayList<>();
        millis.forEach(ms -> values.add(ms == null ? null : new StageChart.Value(ms, ReviewRows.millis(ms))));
        return values;
    }
}
