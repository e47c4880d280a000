package com.jewellery.ordertracing.alerts.ui;

import com.jewellery.ordertracing.alerts.AlertText;
import com.jewellery.ordertracing.base.StageNames;
import com.vaadin.flow.component.Component;

/** An alert's text in the reader's language, wherever it is shown (the history, an incident opened from it). */
public final class AlertSummaries {

    private AlertSummaries() {}

    /** @param english the history's English summary, shown for alerts opened before texts were kept as keys */
    public static String of(Component in, AlertText text, String english) {
        return text == null
                ? english
                : in.getTranslation(text.key(), text.arguments(StageNames.name(in::getTranslation, text.stage())));
    }
}
