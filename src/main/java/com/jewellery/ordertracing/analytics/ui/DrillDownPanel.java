package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.DrillDown;
import com.jewellery.ordertracing.analytics.OrderMeasurement;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The orders behind one point: the stage's slowest and failed orders of the bucket. The ids link to the
 * order lookup for those who may open journeys; analysts see ids and durations only (the lookup is order
 * work, which analysts do not hold).
 */
final class DrillDownPanel extends VerticalLayout {

    DrillDownPanel(DrillDown drill, AnalyticsText text, DateTimeFormatter time) {
        setId("analytics-drilldown");
        setPadding(false);
        add(new H3(text.t(
                "analytics.drill.title",
                text.stage(drill.stageId()),
                time.format(drill.from()),
                time.format(drill.to()))));
        if (!drill.canOpenOrders()) {
            Paragraph note = new Paragraph(text.t("analytics.drill.noLinks"));
            note.setId("analytics-drilldown-no-links");
            add(note);
        }
        add(new H4(text.t("analytics.drill.slowest")), grid("analytics-slowest", drill.slowest(), drill, text, time));
        add(new H4(text.t("analytics.drill.failed")), grid("analytics-failed", drill.failed(), drill, text, time));
    }

    private static Component grid(
            String id, List<OrderMeasurement> orders, DrillDown drill, AnalyticsText text, DateTimeFormatter time) {
        if (orders.isEmpty()) {
            Paragraph none = new Paragraph(text.t("analytics.drill.none"));
            none.setId(id + "-none");
            return none;
        }
        Grid<OrderMeasurement> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(order -> drill.canOpenOrders()
                        ? new Anchor("orders/" + order.orderId(), order.orderId())
                        : new Span(order.orderId()))
                .setHeader(text.t("analytics.column.order"))
                .setFlexGrow(2);
        grid.addColumn(order -> text.duration(order.micros())).setHeader(text.t("analytics.column.duration"));
        grid.addColumn(order -> time.format(order.endedAt()))
                .setHeader(text.t("analytics.column.endedAt"))
                .setFlexGrow(2);
        grid.addColumn(order -> text.t(order.slaOk() ? "analytics.yes" : "analytics.no"))
                .setHeader(text.t("analytics.column.withinSla"));
        grid.addColumn(order -> text.t(order.error() ? "analytics.yes" : "analytics.no"))
                .setHeader(text.t("analytics.column.error"));
        grid.setItems(orders);
        return grid;
    }
}
