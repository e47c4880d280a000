package com.jewellery.ordertracing.review.ui;

import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The review's tables as grids; numbers as the CSV holds them, rounded for reading. */
final class Tables {

    private final CommentEditor.Translator t;

    Tables(CommentEditor.Translator t) {
        this.t = t;
    }

    Grid<ReviewFigures.Orders> orders(ReviewFigures figures) {
        Grid<ReviewFigures.Orders> grid = new Grid<>();
        column(grid, "review.orders.entered", o -> Long.toString(o.entered()));
        column(grid, "review.orders.completed", o -> o.completed() + " (" + percent(o.completedRate()) + ")");
        column(grid, "review.orders.failed", o -> o.failed() + " (" + percent(o.failedRate()) + ")");
        column(grid, "review.orders.lost", o -> o.lost() + " (" + percent(o.lostRate()) + ")");
        column(grid, "review.orders.stuck", o -> o.stuck() + " (" + percent(o.stuckRate()) + ")");
        grid.setItems(List.of(figures.orders()));
        return grid;
    }

    Grid<ReviewFigures.StageRow> stages(ReviewFigures figures) {
        Grid<ReviewFigures.StageRow> grid = new Grid<>();
        column(grid, "review.stages.stage", ReviewFigures.StageRow::stageId);
        column(grid, "review.stages.orders", s -> Long.toString(s.orders()));
        column(grid, "review.stages.p50", s -> millis(s.p50Ms()));
        column(grid, "review.stages.p95", s -> millis(s.p95Ms()) + " " + change(s.p95Change()));
        column(grid, "review.stages.p99", s -> millis(s.p99Ms()));
        column(grid, "review.stages.sla", s -> percent(s.slaCompliance()) + " " + points(s.slaChange()));
        column(
                grid,
                "review.stages.trend",
                s -> String.join(
                        " · ",
                        s.trend().stream().map(point -> millis(point.p95Ms())).toList()));
        grid.setItems(figures.stages());
        return grid;
    }

    Grid<ReviewFigures.FailureRow> failures(ReviewFigures figures) {
        Grid<ReviewFigures.FailureRow> grid = new Grid<>();
        column(grid, "review.failures.stage", f -> f.stage() == null ? "" : f.stage());
        column(grid, "review.failures.summary", ReviewFigures.FailureRow::summary);
        column(grid, "review.failures.orders", f -> Long.toString(f.orders()));
        column(grid, "review.failures.incidents", f -> String.join(", ", f.incidents()));
        grid.setItems(figures.failures());
        return grid;
    }

    Grid<ReviewFigures.IncidentRow> incidents(ReviewFigures figures) {
        Grid<ReviewFigures.IncidentRow> grid = new Grid<>();
        column(grid, "review.incidents.key", ReviewFigures.IncidentRow::key);
        column(grid, "review.incidents.severity", ReviewFigures.IncidentRow::severity);
        column(grid, "review.incidents.status", ReviewFigures.IncidentRow::status);
        column(grid, "review.incidents.acknowledge", i -> seconds(i.acknowledgeSeconds()));
        column(grid, "review.incidents.resolve", i -> seconds(i.resolveSeconds()));
        column(grid, "review.incidents.orders", i -> Long.toString(i.orders()));
        grid.setItems(figures.incidents().rows());
        return grid;
    }

    private <T> void column(Grid<T> grid, String key, Function<T, String> value) {
        grid.addColumn(value::apply).setHeader(t.get(key)).setAutoWidth(true);
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static String points(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.2f pp)", change * 100);
    }

    private static String change(Double change) {
        return change == null ? "" : String.format(Locale.ROOT, "(%+.1f %%)", change * 100);
    }

    private static String millis(Double millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String seconds(Long seconds) {
        return seconds == null ? "—" : seconds / 60 + " min";
    }
}
