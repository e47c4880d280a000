package com.jewellery.ordertracing.status.ui;

import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.SystemStatus;
import com.jewellery.ordertracing.status.SystemStatusService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Is everything the portal stands on reachable? The first page after sign-in for every role but SUPPORT. */
@Route("status")
@Menu(order = 0, icon = "vaadin:dashboard", title = "menu.status")
@RolesAllowed(Roles.STAFF)
class SystemStatusView extends VerticalLayout implements HasDynamicTitle {

    private final SystemStatusService statusService;
    private final Grid<ComponentStatus> grid = new Grid<>();
    private final Paragraph checkedAt = new Paragraph();
    private final Div items = new Div();

    SystemStatusView(SystemStatusService statusService) {
        this.statusService = statusService;
        setId("system-status");
        configureGrid();
        Button refresh = new Button(getTranslation("status.refresh"), click -> refresh());
        refresh.setId("refresh-status");
        add(new H2(getTranslation("status.title")), refresh, grid, checkedAt, items);
        refresh();
    }

    private void configureGrid() {
        grid.setAllRowsVisible(true);
        // the detail column holds sentences and error texts: wrap them rather than cut them off
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(status -> getTranslation(status.nameKey()))
                .setHeader(getTranslation("status.component"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::stateBadge)
                .setHeader(getTranslation("status.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::detail)
                .setHeader(getTranslation("status.detail"))
                .setFlexGrow(3);
        grid.addColumn(status -> getTranslation("unit.millis", status.latency().toMillis()))
                .setHeader(getTranslation("status.latency"))
                .setAutoWidth(true);
    }

    private void refresh() {
        SystemStatus status = statusService.currentStatus();
        grid.setItems(status.components());
        checkedAt.setText(getTranslation(
                "status.checkedAt",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(getLocale())
                        .withZone(ZoneId.systemDefault())
                        .format(status.checkedAt())));
        items.removeAll();
        status.components().stream()
                .filter(c -> !c.items().isEmpty() || c.nameKey().equals("status.component.jaeger"))
                .forEach(this::showItems);
    }

    private void showItems(ComponentStatus component) {
        items.add(new H3(getTranslation("status.services")));
        if (!component.up()) {
            items.add(new Paragraph(getTranslation("status.services.unavailable")));
        } else if (component.items().isEmpty()) {
            items.add(new Paragraph(getTranslation("status.services.none")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("jaeger-services");
            component.items().forEach(service -> list.add(new ListItem(service)));
            items.add(list);
        }
    }

    private Component stateBadge(ComponentStatus status) {
        // up but with a problem (e.g. traces lost between services): a warning, not an outage
        boolean warning = status.up() && status.problemKey() != null;
        Span badge = new Span(getTranslation(warning ? "status.warning" : status.up() ? "status.up" : "status.down"));
        badge.addClassNames("status-badge", warning ? "warning" : status.up() ? "up" : "down");
        return badge;
    }

    private Component detail(ComponentStatus status) {
        Div detail = new Div();
        if (status.problemKey() != null) {
            detail.add(new Paragraph(getTranslation(status.problemKey())));
        }
        status.facts()
                .forEach(fact -> detail.add(
                        new Paragraph(getTranslation(fact.key(), fact.args().toArray()))));
        Span technical = new Span(status.detail());
        technical.addClassName("technical-detail");
        detail.add(technical);
        return detail;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
