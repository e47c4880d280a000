package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.base.ui.StageSelect;
import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * "All orders of the lost-orders list that match": a filter, a preview count, and a confirmation that repeats
 * the filter. The orders are read and attached on the server, bounded by {@code portal.incidents.bulk-attach-max}.
 */
class LostOrdersAttach extends Details {

    private final IncidentService service;
    private final String key;
    private final Runnable changed;
    private final StageSelect stage;
    private final Select<ProblemReason> reason = new Select<>();
    private final TextField prefix = new TextField();
    private final Span preview = new Span();
    private final Button confirm = new Button();
    private ProblemFilter previewed;

    LostOrdersAttach(IncidentService service, String key, Runnable changed) {
        this.service = service;
        this.key = key;
        this.changed = changed;
        setSummaryText(getTranslation("incident.lost.title"));
        setId("incident-lost");
        stage = new StageSelect("incident-lost-stage", "lost.filter.stage", "lost.filter.anyStage", service.stages());
        reason.setId("incident-lost-reason");
        reason.setLabel(getTranslation("lost.filter.reason"));
        reason.setItems(ProblemReason.values());
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(getTranslation("lost.filter.anyReason"));
        reason.setItemLabelGenerator(value -> value == null
                ? getTranslation("lost.filter.anyReason")
                : getTranslation("lost.reason." + value.name()));
        prefix.setId("incident-lost-prefix");
        prefix.setLabel(getTranslation("incident.lost.prefix"));
        prefix.setPlaceholder("ORD-…");
        prefix.setManualValidation(true);
        Button show = new Button(getTranslation("incident.lost.preview"), click -> preview());
        show.setId("incident-lost-preview");
        preview.setId("incident-lost-count");
        confirm.setId("incident-lost-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(click -> attach());
        stage.addValueChangeListener(change -> reset());
        reason.addValueChangeListener(change -> reset());
        prefix.addValueChangeListener(change -> reset());
        HorizontalLayout filters = new HorizontalLayout(stage, reason, prefix, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new VerticalLayout(filters, new HorizontalLayout(preview, confirm)));
    }

    private ProblemFilter filter() {
        return new ProblemFilter(stage.getValue(), reason.getValue(), null, null, null, prefix.getValue());
    }

    private void preview() {
        if (!ProblemFilter.acceptableOrderIdPrefix(prefix.getValue())) {
            prefix.setErrorMessage(getTranslation("lost.filter.orderIdInvalid", ProblemFilter.MAX_ORDER_ID));
            prefix.setInvalid(true);
            return;
        }
        prefix.setInvalid(false);
        previewed = filter();
        long count = service.countLost(previewed);
        int max = service.bulkAttachMax();
        String described = describe(previewed);
        if (count == 0) {
            preview.setText(getTranslation("incident.lost.none", described));
            confirm.setVisible(false);
        } else if (count > max) {
            preview.setText(getTranslation("incident.error.tooManyLost", count, max) + " " + described);
            confirm.setVisible(false);
        } else {
            preview.setText(getTranslation("incident.lost.matching", count, described));
            confirm.setText(getTranslation("incident.lost.confirm", count));
            confirm.setVisible(true);
        }
    }

    private void attach() {
        try {
            int attached = service.attachLost(key, previewed);
            Texts.done(getTranslation("incident.orders.attached", attached));
            reset();
            changed.run();
        } catch (InvalidIncidentException invalid) {
            preview.setText(Texts.problem(this, invalid.problems().getFirst()));
            confirm.setVisible(false);
        }
    }

    private void reset() {
        confirm.setVisible(false);
        preview.setText("");
    }

    /** The filter in words, so the confirmation says what will be attached. */
    private String describe(ProblemFilter filter) {
        List<String> parts = new ArrayList<>();
        parts.add(
                filter.stage() == null
                        ? getTranslation("lost.filter.anyStage")
                        : getTranslation("lost.filter.stage") + ": "
                                + StageNames.name(this::getTranslation, filter.stage()));
        parts.add(
                filter.reason() == null
                        ? getTranslation("lost.filter.anyReason")
                        : getTranslation("lost.filter.reason") + ": "
                                + getTranslation(
                                        "lost.reason." + filter.reason().name()));
        if (filter.orderIdPrefix() != null) {
            parts.add(getTranslation("incident.lost.prefix") + ": " + filter.orderIdPrefix());
        }
        return "(" + String.join(", ", parts) + ")";
    }
}
