package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/** The exact values behind the charts: one row per bucket in which the stage ended for some order. */
final class BucketGrid extends Grid<StageSeries.Point> {

    BucketGrid(AnalyticsText text, DateTimeFormatter time, Consumer<StageSeries.Point> onClick) {
        setId("analytics-buckets");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(point -> time.format(point.start()))
                .setHeader(text.t("analytics.column.bucket"))
                .setFlexGrow(2);
        for (Metric metric : Metric.values()) {
            addColumn(point -> text.value(metric, metric.of(point.histogram())))
                    .setHeader(text.t("analytics.series." + metric.name()))
                    .setKey(metric.name());
        }
        addItemClickListener(click -> onClick.accept(click.getItem()));
    }

    void show(StageSeries series) {
        List<StageSeries.Point> filled = series.points().stream()
                .filter(point -> point.histogram().total() > 0)
                .toList();
        setItems(filled);
    }
}
