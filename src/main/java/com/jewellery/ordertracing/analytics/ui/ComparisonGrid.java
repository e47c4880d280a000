package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.PeriodComparison;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every stage over the whole range; when comparing, each cell also holds the previous period's value and
 * the change. Clicking a stage shows its charts.
 */
final class ComparisonGrid extends Grid<PeriodComparison> {

    private final AnalyticsText text;

    ComparisonGrid(AnalyticsText text, boolean compare, Consumer<String> onStage) {
        this.text = text;
        setId("analytics-comparison");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(row -> text.stage(row.stageId()))
                .setHeader(text.t("analytics.column.stage"))
                .setFlexGrow(2);
        for (Metric metric : Metric.values()) {
            addColumn(row -> cell(metric, row.change(metric), compare))
                    .setHeader(text.t("analytics.series." + metric.name()))
                    .setKey(metric.name())
                    .setFlexGrow(compare ? 2 : 1);
        }
        addItemClickListener(click -> onStage.accept(click.getItem().stageId()));
    }

    private String cell(Metric metric, PeriodComparison.Change change, boolean compare) {
        String now = text.value(metric, change.current());
        return compare
                ? text.t("analytics.cell", now, text.value(metric, change.previous()), text.delta(metric, change))
                : now;
    }

    void show(List<PeriodComparison> rows) {
        setItems(rows);
    }
}
