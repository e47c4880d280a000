package com.jewellery.ordertracing.index.ui;

import com.jewellery.ordertracing.index.backfill.BackfillRequest;
import com.jewellery.ordertracing.index.backfill.IndexerAdmin;
import com.jewellery.ordertracing.index.backfill.InvalidBackfillException;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Asks the indexer to read a time range from Jaeger again, e.g. after traces were restored into Jaeger
 * or a stored journey could not be read; shows the latest requests and how far each has got.
 */
@Route("reindex")
@Menu(order = 80, icon = "vaadin:refresh", title = "menu.reindex")
@RolesAllowed(Roles.ADMINISTRATION)
class ReindexView extends VerticalLayout implements HasDynamicTitle {

    private static final int SHOWN_REQUESTS = 50;

    private final IndexerAdmin admin;
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Grid<BackfillRequest> requests = new Grid<>();
    private final ZoneId zone = ZoneId.systemDefault();

    ReindexView(IndexerAdmin admin) {
        this.admin = admin;
        setId("reindex");
        from.setId("reindex-from");
        from.setLabel(getTranslation("reindex.from"));
        to.setId("reindex-to");
        to.setLabel(getTranslation("reindex.to"));
        Button queue = new Button(getTranslation("reindex.queue"), click -> queue());
        queue.setId("reindex-queue");
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(from, to, queue);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        configureRequests();
        add(
                new H2(getTranslation("reindex.title")),
                new Paragraph(getTranslation("reindex.text")),
                form,
                new H3(getTranslation("reindex.requests")),
                requests);
        requests.setItems(admin.backfills(SHOWN_REQUESTS));
    }

    private void queue() {
        from.setInvalid(false);
        to.setInvalid(false);
        try {
            long id = admin.requestBackfill(instant(from.getValue()), instant(to.getValue()));
            Notification.show(getTranslation("reindex.queued", id));
            requests.setItems(admin.backfills(SHOWN_REQUESTS));
        } catch (InvalidBackfillException invalid) {
            // the typed values stay in the fields, with the reason next to the one to change
            DateTimePicker field =
                    invalid.reason() == InvalidBackfillException.Reason.MISSING && from.isEmpty() ? from : to;
            field.setErrorMessage(
                    getTranslation("reindex.error." + invalid.reason().name()));
            field.setInvalid(true);
        }
    }

    private void configureRequests() {
        requests.setId("reindex-requests");
        requests.setAllRowsVisible(true);
        requests.addThemeVariants(GridVariant.LUMO_COMPACT);
        requests.addColumn(request -> time(request.from()) + " – " + time(request.to()))
                .setHeader(getTranslation("reindex.column.range"))
                .setAutoWidth(true);
        requests.addColumn(request -> request.requestedBy() + ", " + time(request.requestedAt()))
                .setHeader(getTranslation("reindex.column.requested"))
                .setAutoWidth(true);
        requests.addColumn(request -> request.finished()
                        ? getTranslation("reindex.progress.finished", time(request.finishedAt()))
                        : getTranslation("reindex.progress.pending", time(request.doneUntil())))
                .setHeader(getTranslation("reindex.column.progress"))
                .setFlexGrow(1);
    }

    private Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(zone).toInstant();
    }

    private String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone)
                .format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reindex");
    }
}
