package com.jewellery.ordertracing.lost.ui;

import com.jewellery.ordertracing.base.ui.StageSelect;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Stage, reason, age, first-seen range and order id: the filters of the lost-orders list. */
class ProblemFilterBar extends HorizontalLayout {

    private static final List<Duration> AGES = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofDays(1));

    private final StageSelect stage;
    private final Select<ProblemReason> reason = new Select<>();
    private final Select<Duration> minAge = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final TextField orderId = new TextField();

    ProblemFilterBar(List<String> stages, Consumer<ProblemFilter> onChange) {
        setId("lost-filters");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        stage = new StageSelect("lost-filter-stage", "lost.filter.stage", "lost.filter.anyStage", stages);
        configureReason();
        configureAge();
        from.setId("lost-filter-from");
        from.setLabel(getTranslation("lost.filter.from"));
        to.setId("lost-filter-to");
        to.setLabel(getTranslation("lost.filter.to"));
        orderId.setId("lost-filter-order");
        orderId.setLabel(getTranslation("lost.filter.orderId"));
        orderId.setPlaceholder("ORD-");
        orderId.setClearButtonVisible(true);
        orderId.setValueChangeMode(ValueChangeMode.LAZY);
        orderId.setManualValidation(true);
        add(orderId, stage, reason, minAge, from, to);
        List.of(stage, reason, minAge).forEach(select -> select.addValueChangeListener(change -> changed(onChange)));
        from.addValueChangeListener(change -> changed(onChange));
        to.addValueChangeListener(change -> changed(onChange));
        orderId.addValueChangeListener(change -> changed(onChange));
    }

    /**
     * Applies the filters, unless the order id text cannot start an order id: then the field says why, keeps
     * the text, and the list stays as it was until it is corrected.
     */
    private void changed(Consumer<ProblemFilter> onChange) {
        if (!ProblemFilter.acceptableOrderIdPrefix(orderId.getValue())) {
            orderId.setErrorMessage(getTranslation("lost.filter.orderIdInvalid", ProblemFilter.MAX_ORDER_ID));
            orderId.setInvalid(true);
            return;
        }
        orderId.setInvalid(false);
        onChange.accept(value());
    }

    ProblemFilter value() {
        ZoneId zone = ZoneId.systemDefault();
        return new ProblemFilter(
                stage.getValue(),
                reason.getValue(),
                minAge.getValue(),
                toInstant(from.getValue(), zone),
                toInstant(to.getValue(), zone),
                orderId.getValue());
    }

    private void configureReason() {
        reason.setId("lost-filter-reason");
        reason.setLabel(getTranslation("lost.filter.reason"));
        reason.setItems(ProblemReason.values());
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(getTranslation("lost.filter.anyReason"));
        reason.setItemLabelGenerator(value -> value == null
                ? getTranslation("lost.filter.anyReason")
                : getTranslation("lost.reason." + value.name()));
    }

    private void configureAge() {
        minAge.setId("lost-filter-age");
        minAge.setLabel(getTranslation("lost.filter.age"));
        minAge.setItems(AGES);
        minAge.setEmptySelectionAllowed(true);
        minAge.setEmptySelectionCaption(getTranslation("lost.filter.anyAge"));
        minAge.setItemLabelGenerator(age -> age == null
                ? getTranslation("lost.filter.anyAge")
                : getTranslation("lost.filter.ageAtLeast", ShortDurations.of(this, age)));
    }

    private static Instant toInstant(LocalDateTime value, ZoneId zone) {
        return value == null ? null : value.atZone(zone).toInstant();
    }
}
