package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.base.ui.StageSelect;
import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.FailureSuggestion;
import com.jewellery.ordertracing.incidents.api.IncidentFilter;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents, newest change first, filtered by status, severity, assignee, stage, text or order id. The
 * filter is in the URL ({@code /incidents?status=TRIAGE&order=ORD-...}), so a filtered list can be shared and
 * the browser's back button works. Above it: kinds of failure with many recent orders and no incident.
 */
@Route("incidents")
@Menu(order = 25, icon = "vaadin:clipboard-pulse", title = "incident.menu")
@RolesAllowed(Roles.INCIDENT_READ)
class IncidentListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final IncidentService service;
    private final Select<IncidentStatus> status = new Select<>();
    private final Select<Severity> severity = new Select<>();
    private final Select<String> assignee = new Select<>();
    private final StageSelect stage;
    private final TextField text = new TextField();
    private final TextField orderId = new TextField();
    private final Grid<IncidentSummary> grid = new Grid<>();
    private final Div suggestions = new Div();
    private final boolean mayCreate;
    private IncidentFilter filter = IncidentFilter.NONE;
    private boolean reading;

    IncidentListView(IncidentService service, AuthenticationContext authentication) {
        this.service = service;
        this.mayCreate = authentication.hasRole(Roles.INCIDENT_WORK);
        setId("incidents");
        setSizeFull();
        stage = new StageSelect(
                "incident-filter-stage", "incident.field.stage", "incident.filter.any", service.stages());
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("incident.list.title")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayCreate) {
            Button create = new Button(
                    getTranslation("incident.new"), click -> getUI().ifPresent(ui -> ui.navigate("incidents/new")));
            create.setId("incident-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        suggestions.setId("incident-suggestions");
        configureFilters();
        configureGrid();
        add(header, suggestions, filterBar(), grid);
    }

    private void configureFilters() {
        status.setId("incident-filter-status");
        status.setLabel(getTranslation("incident.field.status"));
        status.setItems(IncidentStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("incident.filter.any"));
        status.setItemLabelGenerator(
                value -> value == null ? getTranslation("incident.filter.any") : Texts.status(this, value));
        severity.setId("incident-filter-severity");
        severity.setLabel(getTranslation("incident.field.severity"));
        severity.setItems(Severity.values());
        severity.setEmptySelectionAllowed(true);
        severity.setEmptySelectionCaption(getTranslation("incident.filter.any"));
        severity.setItemLabelGenerator(value -> value == null
                ? getTranslation("incident.filter.any")
                : getTranslation("incident.severity." + value.name()));
        assignee.setId("incident-filter-assignee");
        assignee.setLabel(getTranslation("incident.field.assignee"));
        assignee.setItems(service.assignees());
        assignee.setEmptySelectionAllowed(true);
        assignee.setEmptySelectionCaption(getTranslation("incident.filter.any"));
        text.setId("incident-filter-text");
        text.setLabel(getTranslation("incident.filter.text"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        orderId.setId("incident-filter-order");
        orderId.setLabel(getTranslation("incident.filter.order"));
        orderId.setPlaceholder("ORD-…");
        orderId.setValueChangeMode(ValueChangeMode.LAZY);
        orderId.setClearButtonVisible(true);
        status.addValueChangeListener(change -> filterChanged());
        severity.addValueChangeListener(change -> filterChanged());
        assignee.addValueChangeListener(change -> filterChanged());
        stage.addValueChangeListener(change -> filterChanged());
        text.addValueChangeListener(change -> filterChanged());
        orderId.addValueChangeListener(change -> filterChanged());
    }

    private HorizontalLayout filterBar() {
        HorizontalLayout bar = new HorizontalLayout(status, severity, assignee, stage, text, orderId);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void configureGrid() {
        grid.setId("incident-grid");
        grid.setSizeFull();
        grid.addColumn(IncidentSummary::key)
                .setHeader(getTranslation("incident.field.key"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(IncidentSummary::title)
                .setHeader(getTranslation("incident.field.title"))
                .setFlexGrow(1);
        grid.addColumn(row -> Texts.status(this, row.status()) + (row.failuresAfterResolution() > 0 ? " ⚑" : ""))
                .setHeader(getTranslation("incident.field.status"))
                .setAutoWidth(true);
        grid.addColumn(row ->
                        getTranslation("incident.severity." + row.severity().name()))
                .setHeader(getTranslation("incident.field.severity"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.assignee() == null ? "" : row.assignee())
                .setHeader(getTranslation("incident.field.assignee"))
                .setAutoWidth(true);
        grid.addColumn(row -> String.join(
                        ", ",
                        row.stages().stream()
                                .map(s -> StageNames.name(this::getTranslation, s))
                                .sorted()
                                .toList()))
                .setHeader(getTranslation("incident.field.stages"))
                .setAutoWidth(true);
        grid.addColumn(IncidentSummary::orders)
                .setHeader(getTranslation("incident.field.orders"))
                .setAutoWidth(true);
        grid.addColumn(row -> Texts.time(this, row.updatedAt()))
                .setHeader(getTranslation("incident.field.updated"))
                .setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(
                        ui -> ui.navigate("incidents/" + click.getItem().key())));
        grid.setItems(query -> service.page(filter, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, service.count(filter)));
    }

    private void showSuggestions() {
        suggestions.removeAll();
        for (FailureSuggestion suggestion : service.suggestions(3)) {
            String stage = StageNames.name(this::getTranslation, suggestion.stage());
            Span line = new Span(getTranslation(
                    "incident.suggestion",
                    suggestion.orders(),
                    stage,
                    suggestion.summary(),
                    Texts.time(this, suggestion.since())));
            HorizontalLayout row = new HorizontalLayout(line);
            row.addClassName("incident-suggestion");
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (mayCreate) {
                row.add(new Button(
                        getTranslation("incident.suggestion.open"),
                        click -> getUI().ifPresent(ui -> ui.navigate(
                                "incidents/new",
                                // one order is enough: its failure's fingerprint attaches the others
                                new QueryParameters(Map.of(
                                        "order", List.of(suggestion.sampleOrderId()),
                                        "stage", List.of(suggestion.stage()),
                                        "title", List.of(stage + ": " + suggestion.summary())))))));
            }
            suggestions.add(row);
        }
    }

    /** Reads the filter from the URL, so a shared link or the back button shows the same list. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        reading = true;
        status.setValue(parse(query, "status", IncidentStatus.class));
        severity.setValue(parse(query, "severity", Severity.class));
        assignee.setValue(
                first(query, "assignee").filter(service.assignees()::contains).orElse(null));
        stage.setValue(first(query, "stage").filter(service.stages()::contains).orElse(null));
        text.setValue(first(query, "q").orElse(""));
        orderId.setValue(first(query, "order").orElse(""));
        reading = false;
        filter = currentFilter();
        grid.getDataProvider().refreshAll();
        showSuggestions();
    }

    private void filterChanged() {
        if (reading) {
            return;
        }
        filter = currentFilter();
        grid.getDataProvider().refreshAll();
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "status", filter.status() == null ? null : filter.status().name());
        put(
                query,
                "severity",
                filter.severity() == null ? null : filter.severity().name());
        put(query, "assignee", filter.assignee());
        put(query, "stage", filter.stage());
        put(query, "q", filter.text());
        put(query, "order", filter.orderId());
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location("incidents", QueryParameters.simple(query))));
    }

    private IncidentFilter currentFilter() {
        return new IncidentFilter(
                status.getValue(),
                severity.getValue(),
                assignee.getValue(),
                stage.getValue(),
                text.getValue(),
                orderId.getValue());
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    private static <E extends Enum<E>> E parse(Map<String, List<String>> query, String name, Class<E> type) {
        return first(query, name)
                .flatMap(value -> Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.name().equalsIgnoreCase(value))
                        .findFirst())
                .orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("incident.menu");
    }
}
