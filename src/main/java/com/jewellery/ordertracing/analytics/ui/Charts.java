package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.Histogram;
import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.StageSeries;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The two charts of one stage: durations (p50, p95, p99) and traffic (orders, error rate, SLA compliance),
 * each with the previous period's series dashed when comparing. The previous period is drawn bucket for
 * bucket under the current one, shifted by the period's length.
 */
final class Charts {

    private static final String[] DURATION_COLORS = {"#1565c0", "#ef6c00", "#c62828"};
    private static final List<Metric> PERCENTILES = List.of(Metric.P50, Metric.P95, Metric.P99);
    /** From ten seconds on, the duration axis is in seconds. */
    private static final double SECONDS_AXIS_FROM_MICROS = 10_000_000;

    private final AnalyticsText text;
    private final String timeAxis;

    /** @param zone the time zone the buckets' times are shown in, named on the time axis */
    Charts(AnalyticsText text, ZoneId zone) {
        this.text = text;
        this.timeAxis = text.t("analytics.axis.time", zone.getDisplayName(TextStyle.SHORT, text.locale()));
    }

    void showDurations(StageChart chart, List<String> categories, StageSeries current, StageSeries previous) {
        double max = PERCENTILES.stream()
                .mapToDouble(metric -> Math.max(max(current, metric), previous == null ? 0 : max(previous, metric)))
                .max()
                .orElse(0);
        boolean seconds = max >= SECONDS_AXIS_FROM_MICROS;
        double divisor = seconds ? 1_000_000 : 1000;
        List<StageChart.Series> series = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.size(); i++) {
            Metric metric = PERCENTILES.get(i);
            String name = text.t("analytics.series." + metric.name());
            series.add(new StageChart.Series(
                    name, "line", 0, false, DURATION_COLORS[i], values(current, metric, value -> value / divisor)));
            if (previous != null) {
                series.add(new StageChart.Series(
                        text.t("analytics.series.previous", name),
                        "line",
                        0,
                        true,
                        DURATION_COLORS[i],
                        values(previous, metric, value -> value / divisor)));
            }
        }
        chart.show(
                text.locale(),
                timeAxis,
                categories,
                List.of(new StageChart.Axis(
                        text.t("analytics.axis.duration"),
                        text.t(seconds ? "analytics.axis.s" : "analytics.axis.ms"),
                        0.0,
                        null)),
                series);
    }

    void showTraffic(StageChart chart, List<String> categories, StageSeries current, StageSeries previous) {
        List<StageChart.Series> series = new ArrayList<>();
        String orders = text.t("analytics.series.ORDERS");
        String errors = text.t("analytics.series.ERROR_RATE");
        String sla = text.t("analytics.series.SLA");
        series.add(new StageChart.Series(orders, "bar", 0, false, "#78909c", values(current, Metric.ORDERS, v -> v)));
        series.add(new StageChart.Series(
                errors, "line", 1, false, "#c62828", values(current, Metric.ERROR_RATE, v -> v * 100)));
        series.add(new StageChart.Series(sla, "line", 1, false, "#2e7d32", values(current, Metric.SLA, v -> v * 100)));
        if (previous != null) {
            series.add(new StageChart.Series(
                    text.t("analytics.series.previous", orders),
                    "line",
                    0,
                    true,
                    "#78909c",
                    values(previous, Metric.ORDERS, v -> v)));
            series.add(new StageChart.Series(
                    text.t("analytics.series.previous", errors),
                    "line",
                    1,
                    true,
                    "#c62828",
                    values(previous, Metric.ERROR_RATE, v -> v * 100)));
        }
        chart.show(
                text.locale(),
                timeAxis,
                categories,
                List.of(
                        new StageChart.Axis(text.t("analytics.axis.orders"), "", 0.0, null),
                        new StageChart.Axis(
                                text.t("analytics.axis.share"), text.t("analytics.axis.percent"), 0.0, 100.0)),
                series);
    }

    private List<StageChart.Value> values(StageSeries series, Metric metric, Function<Double, Double> scale) {
        List<StageChart.Value> values = new ArrayList<>();
        for (StageSeries.Point point : series.points()) {
            Histogram histogram = point.histogram();
            OptionalDouble value =
                    histogram.total() == 0 && metric != Metric.ORDERS ? OptionalDouble.empty() : metric.of(histogram);
            values.add(
                    value.isPresent()
                            ? new StageChart.Value(scale.apply(value.getAsDouble()), text.value(metric, value))
                            : null);
        }
        return values;
    }

    private static double max(StageSeries series, Metric metric) {
        return series.points().stream()
                .map(point -> metric.of(point.histogram()))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .max()
                .orElse(0);
    }
}
