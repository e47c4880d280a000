package com.jewellery.ordertracing.audit.ui;

import com.jewellery.ordertracing.audit.AuditEvent;
import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Sign-ins, sign-outs and refused navigations, newest first, for administrators. */
@Route("audit")
@Menu(order = 90, icon = "vaadin:records", title = "menu.audit")
@RolesAllowed(Roles.ADMINISTRATION)
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final AuditService auditService;
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Select<AuditEventType> typeFilter = new Select<>();

    AuditLogView(AuditService auditService) {
        this.auditService = auditService;
        setId("audit-log");
        setSizeFull();
        configureFilter();
        configureGrid();
        add(new H2(getTranslation("audit.title")), typeFilter, grid);
        refresh();
    }

    private void configureFilter() {
        typeFilter.setId("audit-type-filter");
        typeFilter.setLabel(getTranslation("audit.filter.type"));
        typeFilter.setItems(AuditEventType.values());
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption(getTranslation("audit.filter.all"));
        typeFilter.setItemLabelGenerator(type ->
                type == null ? getTranslation("audit.filter.all") : getTranslation("audit.type." + type.name()));
        typeFilter.addValueChangeListener(change -> refresh());
    }

    private void configureGrid() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setSizeFull();
        grid.addColumn(event -> format.format(event.getOccurredAt()))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::getUsername)
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        grid.addColumn(event -> getTranslation("audit.type." + event.getType().name()))
                .setHeader(getTranslation("audit.type"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetail)
                .setHeader(getTranslation("audit.detail"))
                .setFlexGrow(1);
    }

    private void refresh() {
        AuditEventType type = typeFilter.getValue();
        grid.setItems(query -> auditService.page(type, query.getOffset(), query.getLimit()).stream(), query ->
                (int) auditService.count(type));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit");
    }
}
