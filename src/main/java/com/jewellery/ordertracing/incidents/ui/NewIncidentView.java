package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Opens an incident, optionally with orders already attached: the journey page and the suggestions link here
 * with {@code ?order=ORD-...} (repeatable). The orders' failures give the incident its fingerprints.
 */
@Route("incidents/new")
@RolesAllowed(Roles.INCIDENT_WORK)
class NewIncidentView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final IncidentService service;
    private final IncidentForm form;
    private final TextArea orders = new TextArea();

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
        add(new H2(getTranslation("incident.new")), form, orders, create);
    }

    private void create() {
        form.clearProblems();
        orders.setInvalid(false);
        List<String> ids = orders.getValue().isBlank()
                ? List.of()
                : List.of(orders.getValue().strip().split("[\\s,;]+"));
        try {
            String key = service.create(form.draft(), ids);
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
        List<String> given =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("order", List.of());
        if (!given.isEmpty()) {
            orders.setValue(String.join("\n", given));
            if (form.title.isEmpty()) {
                form.title.setValue(getTranslation("incident.titleFromOrder", given.getFirst()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("incident.new");
    }
}
