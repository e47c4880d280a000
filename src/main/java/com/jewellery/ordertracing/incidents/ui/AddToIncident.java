package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.IncidentNotFoundException;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.OpenIncidents;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * "Add to incident" (one of the open incidents, the caller's first) and "new incident" for some orders: the
 * journey page's order, or the rows selected in the lost-orders list. Nothing selected is said, not ignored.
 */
class AddToIncident extends HorizontalLayout {

    private static final int PICKABLE = 100;

    private final IncidentService service;
    private final Supplier<List<String>> orderIds;
    private final Runnable done;
    private final Select<IncidentSummary> target = new Select<>();

    /** @param idPrefix element ids start with it, so a page may hold more than one */
    AddToIncident(IncidentService service, String idPrefix, Supplier<List<String>> orderIds, Runnable done) {
        this.service = service;
        this.orderIds = orderIds;
        this.done = done;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setId(idPrefix);
        OpenIncidents open = service.openIncidents(PICKABLE);
        target.setId(idPrefix + "-target");
        // the "pick one first" message is set by add(); the field's own validation would clear it at once
        target.setManualValidation(true);
        target.setPlaceholder(getTranslation("incident.addTo.pick"));
        target.setAriaLabel(getTranslation("incident.addTo.pick"));
        target.setWidth("22em");
        target.setItems(
                Stream.concat(open.mine().stream(), open.others().stream()).toList());
        target.setItemLabelGenerator(incident -> incident.key() + " · " + incident.title());
        Button add = new Button(getTranslation("incident.addTo"), click -> add());
        add.setId(idPrefix + "-add");
        Button create = new Button(getTranslation("incident.addTo.new"), click -> create());
        create.setId(idPrefix + "-new");
        add(target, add, create);
    }

    private void add() {
        target.setInvalid(false);
        List<String> ids = orderIds.get();
        if (ids.isEmpty()) {
            Texts.error(getTranslation("incident.addTo.noneSelected"));
            return;
        }
        if (target.getValue() == null) {
            target.setErrorMessage(getTranslation("incident.addTo.pickFirst"));
            target.setInvalid(true);
            return;
        }
        String key = target.getValue().key();
        try {
            int attached = service.attach(key, String.join(" ", ids));
            Texts.done(getTranslation("incident.addTo.done", attached, key));
            done.run();
        } catch (InvalidIncidentException invalid) {
            Texts.error(Texts.problem(this, invalid.problems().getFirst()));
        } catch (IncidentNotFoundException gone) {
            Texts.error(getTranslation("incident.notFound", key));
        }
    }

    private void create() {
        List<String> ids = orderIds.get();
        if (ids.size() > IncidentLimits.ATTACH_MAX) {
            Texts.error(getTranslation("incident.error.tooManyOrders", IncidentLimits.ATTACH_MAX));
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("incidents/new", new QueryParameters(Map.of("order", ids))));
    }
}
