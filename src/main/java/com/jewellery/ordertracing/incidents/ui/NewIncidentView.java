package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.alerts.ui.AlertSummaries;
import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.AlertStart;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opens an incident, optionally with orders already attached: the journey page, the lost-orders list and the
 * suggestions link here with {@code ?order=ORD-...} (repeatable; a suggestion adds {@code &stage=&title=} for the
 * failure the orders share), the alert history with {@code ?alert=<id>}
 * (the form starts from the alert, which the timeline then records). The orders' failures give the incident
 * its fingerprints.
 */
@Route("incidents/new")
@RolesAllowed(Roles.INCIDENT_WORK)
class NewIncidentView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final IncidentService service;
    private final IncidentForm form;
    private final TextArea orders = new TextArea();
    private final Paragraph fromAlert = new Paragraph();
    private Long alertId;

    NewIncidentView(IncidentService service) {
        this.service = service;
        setId("incident-create");
        form = new IncidentForm(service.assignees(), service.stages());
        orders.setId("incident-create-orders");
        orders.setLabel(getTranslation("incident.field.orderIds"));
        orders.setHelperText(getTranslation("incident.field.orderIdsHelp", IncidentLimits.ATTACH_MAX));
        orders.setWidthFull();
        Button create = new Button(getTranslation("incident.create"), click -> create());
        create.setId("incident-create-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fromAlert.setId("incident-create-from-alert");
        fromAlert.setVisible(false);
        add(new H2(getTranslation("incident.new")), fromAlert, form, orders, create);
    }

    private void create() {
        form.clearProblems();
        orders.setInvalid(false);
        List<String> ids = orders.getValue().isBlank()
                ? List.of()
                : List.of(orders.getValue().strip().split("[\\s,;]+"));
        try {
            String key = service.create(form.draft(), ids, alertId);
            getUI().ifPresent(ui -> ui.navigate("incidents/" + key));
        } catch (InvalidIncidentException invalid) {
            for (Problem problem : form.showProblems(invalid.problems())) {
                orders.setErrorMessage(Texts.problem(this, problem));
                orders.setInvalid(true);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        query.getOrDefault("alert", List.of()).stream().findFirst().ifPresent(this::startFromAlert);
        List<String> given = query.getOrDefault("order", List.of());
        if (!given.isEmpty() && alertId == null) {
            orders.setValue(String.join("\n", given));
            // a suggestion names the failure the orders share; a single order gives its own id
            String title = query.getOrDefault("title", List.of()).stream()
                    .findFirst()
                    .orElse(getTranslation("incident.titleFromOrder", given.getFirst()));
            if (form.title.isEmpty()) {
                setTitle(title);
            }
            List<String> known = service.stages();
            form.stages.setValue(query.getOrDefault("stage", List.of()).stream()
                    .filter(known::contains)
                    .collect(Collectors.toSet()));
        }
    }

    private void setTitle(String title) {
        form.title.setValue(
                title.length() > IncidentLimits.TITLE_MAX ? title.substring(0, IncidentLimits.TITLE_MAX) : title);
    }

    /** Fills the form from the alert; an unknown alert is said, and the form stays empty. */
    private void startFromAlert(String typed) {
        AlertStart start;
        try {
            start = service.fromAlert(Long.parseLong(typed.strip()));
        } catch (NumberFormatException | InvalidIncidentException unknown) {
            Texts.error(getTranslation("incident.error.unknownAlert", typed));
            return;
        }
        alertId = start.alertId();
        String text = AlertSummaries.of(this, start.text(), start.summary());
        setTitle(start.ruleName() + ": " + text);
        form.severity.setValue(start.severity());
        form.stages.setValue(start.stages());
        orders.setValue(String.join("\n", start.orderIds()));
        fromAlert.setText(
                getTranslation("incident.fromAlert.note", start.ruleName(), Texts.time(this, start.openedAt()), text));
        fromAlert.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("incident.new");
    }
}
