package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.stream.Collectors;

/** The incident's orders in a lazy grid with each one's current outcome, counts by outcome, attach and detach. */
class OrdersPanel extends VerticalLayout {

    private final IncidentService service;
    private final String key;
    private final Runnable changed;
    private final Grid<LinkedOrder> grid = new Grid<>();
    private final Paragraph counts = new Paragraph();
    private final TextArea attachIds = new TextArea();

    OrdersPanel(IncidentService service, String key, boolean mayLink, Runnable changed) {
        this.service = service;
        this.key = key;
        this.changed = changed;
        setPadding(false);
        counts.setId("incident-order-counts");
        add(new H3(getTranslation("incident.orders.title")), counts);
        if (mayLink) {
            attachIds.setId("incident-attach-ids");
            attachIds.setLabel(getTranslation("incident.field.orderIds"));
            attachIds.setHelperText(getTranslation("incident.field.orderIdsHelp", IncidentLimits.ATTACH_MAX));
            attachIds.setWidth("32em");
            Button attach = new Button(getTranslation("incident.orders.attach"), click -> attach());
            attach.setId("incident-attach");
            HorizontalLayout bar = new HorizontalLayout(attachIds, attach);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(bar, new LostOrdersAttach(service, key, changed));
        }
        configureGrid(mayLink);
        add(grid);
        refresh();
    }

    private void configureGrid(boolean mayLink) {
        grid.setId("incident-orders");
        grid.setHeight("20em");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(order -> TimelinePanel.orderLink(order.orderId()))
                .setHeader(getTranslation("incident.orders.orderId"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(order -> order.seenInTraces()
                        ? getTranslation("incident.outcome." + order.outcome().name())
                        : getTranslation("incident.orders.notSeen"))
                .setHeader(getTranslation("incident.orders.outcome"))
                .setAutoWidth(true);
        grid.addColumn(order ->
                        order.lastStage() == null ? "" : StageNames.name(this::getTranslation, order.lastStage()))
                .setHeader(getTranslation("incident.orders.lastStage"))
                .setAutoWidth(true);
        grid.addColumn(order -> getTranslation("incident.via." + order.via().name()) + ", " + order.attachedBy())
                .setHeader(getTranslation("incident.orders.via"))
                .setAutoWidth(true);
        grid.addColumn(order -> Texts.time(this, order.attachedAt()))
                .setHeader(getTranslation("incident.orders.attachedAt"))
                .setAutoWidth(true);
        if (mayLink) {
            grid.addComponentColumn(order -> {
                        Button detach =
                                new Button(getTranslation("incident.orders.detach"), click -> detach(order.orderId()));
                        detach.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                        Button alike =
                                new Button(getTranslation("incident.orders.alike"), click -> adopt(order.orderId()));
                        alike.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                        alike.setTooltipText(getTranslation("incident.orders.alikeHelp"));
                        return new HorizontalLayout(detach, alike);
                    })
                    .setAutoWidth(true);
        }
        grid.setItems(query -> service.orders(key, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, service.orderCount(key)));
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        Map<JourneyOutcome, Long> byOutcome = service.outcomeCounts(key);
        long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        String parts = byOutcome.entrySet().stream()
                .map(entry -> (entry.getKey() == null
                                ? getTranslation("incident.orders.notSeen")
                                : getTranslation(
                                        "incident.outcome." + entry.getKey().name()))
                        + ": " + entry.getValue())
                .sorted()
                .collect(Collectors.joining(" · "));
        counts.setText(getTranslation("incident.orders.counts", total) + (parts.isEmpty() ? "" : " — " + parts));
    }

    private void attach() {
        attachIds.setInvalid(false);
        try {
            int attached = service.attach(key, attachIds.getValue());
            attachIds.clear();
            Texts.done(getTranslation("incident.orders.attached", attached));
            changed.run();
        } catch (InvalidIncidentException invalid) {
            attachIds.setErrorMessage(Texts.problem(this, invalid.problems().getFirst()));
            attachIds.setInvalid(true);
        }
    }

    private void detach(String orderId) {
        if (service.detach(key, orderId)) {
            Texts.done(getTranslation("incident.orders.detached", orderId));
        }
        changed.run();
    }

    private void adopt(String orderId) {
        Texts.done(getTranslation(
                service.adoptFingerprintOf(key, orderId) ? "incident.orders.alikeDone" : "incident.orders.alikeNone",
                orderId));
        changed.run();
    }
}
