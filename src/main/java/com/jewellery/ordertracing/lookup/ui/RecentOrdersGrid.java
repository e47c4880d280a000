package com.jewellery.ordertracing.lookup.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.base.ui.StageSelect;
import com.jewellery.ordertracing.index.store.JourneyFilter;
import com.jewellery.ordertracing.index.store.JourneySummary;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.lookup.OrderLookupService;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The most recent orders, newest first, filtered and paged lazily from the index. */
class RecentOrdersGrid extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final OrderLookupService lookupService;
    private final Grid<JourneySummary> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final StageSelect lastStage;
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Checkbox errorsOnly = new Checkbox();

    RecentOrdersGrid(OrderLookupService lookupService, Consumer<String> openOrder) {
        this.lookupService = lookupService;
        setPadding(false);
        setId("recent-orders");
        lastStage = new StageSelect(
                "filter-stage",
                "lookup.filter.lastStage",
                "lookup.filter.any",
                lookupService.stages().stream().map(StageDefinition::id).toList());
        configureFilters();
        configureGrid(openOrder);
        HorizontalLayout filters = new HorizontalLayout(status, lastStage, from, to, errorsOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H3(getTranslation("lookup.recent")), filters, grid);
        refresh();
    }

    private void configureFilters() {
        status.setId("filter-status");
        status.setLabel(getTranslation("lookup.filter.status"));
        status.setItems(OrderStatuses.ALL);
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(
                value -> value == null ? getTranslation("lookup.filter.any") : getTranslation("order.status." + value));
        from.setLabel(getTranslation("lookup.filter.from"));
        to.setLabel(getTranslation("lookup.filter.to"));
        errorsOnly.setId("filter-errors");
        errorsOnly.setLabel(getTranslation("lookup.filter.errorsOnly"));
        status.addValueChangeListener(e -> refresh());
        lastStage.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        errorsOnly.addValueChangeListener(e -> refresh());
    }

    private void configureGrid(Consumer<String> openOrder) {
        grid.setId("recent-orders-grid");
        grid.setHeight("420px");
        grid.addColumn(JourneySummary::orderId)
                .setHeader(getTranslation("lookup.orderId"))
                .setAutoWidth(true);
        grid.addColumn(order -> TIME.format(order.firstSeen()))
                .setHeader(getTranslation("lookup.firstSeen"))
                .setAutoWidth(true);
        grid.addColumn(order ->
                        order.lastStage() == null ? "" : StageNames.name(this::getTranslation, order.lastStage()))
                .setHeader(getTranslation("lookup.lastStageColumn"))
                .setAutoWidth(true);
        grid.addColumn(order ->
                        order.currentStatus() == null ? "" : getTranslation("order.status." + order.currentStatus()))
                .setHeader(getTranslation("lookup.orderStatus"))
                .setAutoWidth(true);
        grid.addColumn(order ->
                        getTranslation("journey.outcome." + order.outcome().name()))
                .setHeader(getTranslation("lookup.outcome"))
                .setAutoWidth(true);
        grid.addColumn(order -> order.errorMessage() == null ? "" : order.errorMessage())
                .setHeader(getTranslation("lookup.error"))
                .setFlexGrow(1);
        grid.addItemClickListener(click -> openOrder.accept(click.getItem().orderId()));
    }

    private void refresh() {
        JourneyFilter filter = JourneyFilter.all()
                .withCurrentStatus(status.getValue())
                .withLastStage(lastStage.getValue())
                .firstSeenBetween(instant(from.getValue()), instant(to.getValue()))
                .withErrorsOnly(errorsOnly.getValue());
        grid.setItems(
                query -> lookupService.recentOrders(filter, query.getOffset(), query.getLimit()).stream(),
                query -> lookupService.countRecentOrders(filter));
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }
}
