package com.jewellery.ordertracing.lost.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.base.ui.ShowsIndexAge;
import com.jewellery.ordertracing.lost.LostOrdersService;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemSort;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Orders that are stuck, lost or failed, computed from the index at every refresh, so an order that
 * moves on drops off by itself. Support, developers and admins get the list and its CSV export;
 * analysts get the counts only (the service refuses them the orders, too). When another feature offers
 * actions on selected rows ({@link LostListExtension}, e.g. "add to incident"), rows can be selected.
 */
@Route("lost")
@Menu(order = 20, icon = "vaadin:warning", title = "menu.lost")
@RolesAllowed(Roles.STAFF)
class LostOrdersView extends VerticalLayout implements ShowsIndexAge, HasDynamicTitle {

    private static final int REFRESH_MILLIS = 60_000;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final LostOrdersService service;
    private final Clock clock;
    private final ProblemCountsGrid counts = new ProblemCountsGrid();
    private final CoveragePanel coverage = new CoveragePanel();
    private final Grid<OrderProblem> grid = new Grid<>();
    private final boolean listVisible;
    private final ProblemFilterBar filters;
    private volatile ProblemFilter filter = ProblemFilter.NONE;
    private volatile ProblemSort sort = ProblemSort.LONGEST_STUCK_FIRST;
    private Registration pollRegistration;

    LostOrdersView(
            LostOrdersService service,
            AuthenticationContext authentication,
            ObjectProvider<LostListExtension> extensions,
            Clock clock) {
        this.service = service;
        this.clock = clock;
        this.listVisible = authentication.hasRole(Roles.ORDER_WORK);
        setId("lost-orders");
        setSizeFull();
        filters = new ProblemFilterBar(service.stages(), this::filterChanged);
        Button refresh = new Button(getTranslation("lost.refresh"), click -> refresh());
        refresh.setId("lost-refresh");
        add(new HorizontalLayout(new H2(getTranslation("lost.title")), refresh), counts, coverage);
        if (listVisible) {
            configureGrid();
            HorizontalLayout tools = new HorizontalLayout(exportLink());
            tools.setAlignItems(FlexComponent.Alignment.BASELINE);
            List<Component> actions = extensions
                    .orderedStream()
                    .flatMap(extension -> extension.selectionActions(this::selectedIds, grid::deselectAll).stream())
                    .toList();
            if (!actions.isEmpty()) {
                grid.setSelectionMode(Grid.SelectionMode.MULTI);
                actions.forEach(tools::add);
            }
            add(new H3(getTranslation("lost.list")), filters, tools, grid);
        } else {
            Paragraph note = new Paragraph(getTranslation("lost.countsOnly"));
            note.setId("lost-counts-only");
            add(note);
        }
        refresh();
    }

    private void configureGrid() {
        grid.setId("lost-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addColumn(problem -> problem.order().orderId())
                .setHeader(getTranslation("lost.column.orderId"))
                .setSortProperty(ProblemSort.Key.ORDER_ID.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(problem ->
                        StageNames.name(this::getTranslation, problem.order().lastStage()))
                .setHeader(getTranslation("lost.column.lastStage"))
                .setSortProperty(ProblemSort.Key.LAST_STAGE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(problem -> ShortDurations.of(this, problem.stuckFor()))
                .setHeader(getTranslation("lost.column.stuckFor"))
                .setSortProperty(ProblemSort.Key.STUCK_FOR.name())
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(problem ->
                        getTranslation("lost.reason." + problem.reason().name()))
                .setHeader(getTranslation("lost.column.reason"))
                .setSortProperty(ProblemSort.Key.REASON.name())
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(this::errorText)
                .setHeader(getTranslation("lost.column.error"))
                .setFlexGrow(1);
        grid.addItemClickListener(click -> {
            // a click on the selection column's checkbox has no column: it selects, it does not open the order
            if (click.getColumn() != null) {
                getUI().ifPresent(ui ->
                        ui.navigate("orders/" + click.getItem().order().orderId()));
            }
        });
        grid.setItems(
                        query -> {
                            sort = sortOf(query.getSortOrders());
                            return service.page(filter, sort, query.getOffset(), query.getLimit()).stream();
                        },
                        query -> (int) Math.min(Integer.MAX_VALUE, service.count(filter)))
                // a row is its order: a refresh (how long it is stuck changes) keeps it selected
                .setIdentifierProvider(problem -> problem.order().orderId());
    }

    private List<String> selectedIds() {
        return grid.getSelectedItems().stream()
                .map(problem -> problem.order().orderId())
                .sorted()
                .toList();
    }

    private Anchor exportLink() {
        DownloadHandler csv = event -> {
            event.setFileName("lost-orders-" + FILE_TIME.format(clock.instant()) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            service.exportCsv(filter, sort, event.getOutputStream());
        };
        Anchor export = new Anchor(csv, getTranslation("lost.export"));
        export.setId("lost-export");
        return export;
    }

    private void filterChanged(ProblemFilter newFilter) {
        filter = newFilter;
        refresh();
    }

    private void refresh() {
        counts.show(service.stages(), service.counts(filter));
        coverage.show(service.coverage());
        if (listVisible) {
            grid.getDataProvider().refreshAll();
        }
    }

    private static ProblemSort sortOf(List<QuerySortOrder> orders) {
        return orders.stream()
                .findFirst()
                .map(order -> new ProblemSort(
                        ProblemSort.Key.valueOf(order.getSorted()), order.getDirection() == SortDirection.ASCENDING))
                .orElse(ProblemSort.LONGEST_STUCK_FIRST);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MILLIS);
        pollRegistration = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        pollRegistration.remove();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.lost");
    }

    /** The error's first line after the name of the stage it started at, in the reader's language. */
    private String errorText(OrderProblem problem) {
        String line = problem.errorLine();
        String stage = problem.order().errorStage();
        return line == null || stage == null ? line : StageNames.name(this::getTranslation, stage) + ": " + line;
    }
}
