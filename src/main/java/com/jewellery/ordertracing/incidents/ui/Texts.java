package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.api.IncidentConflictException;
import com.jewellery.ordertracing.incidents.domain.IllegalTransitionException;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/** The incident screens' wording: problems, refusals, times, status names. */
final class Texts {

    private Texts() {}

    static String problem(Component component, Problem problem) {
        return component.getTranslation(problem.key(), problem.args().toArray());
    }

    static String status(Component component, IncidentStatus status) {
        return component.getTranslation("incident.status." + status.name());
    }

    static String refused(Component component, IllegalTransitionException refused) {
        String allowed = refused.allowed().isEmpty()
                ? component.getTranslation("incident.error.noneAllowed")
                : refused.allowed().stream()
                        .sorted()
                        .map(status -> status(component, status))
                        .collect(Collectors.joining(", "));
        return component.getTranslation(
                "incident.error.transition",
                status(component, refused.from()),
                status(component, refused.to()),
                allowed);
    }

    static String conflict(Component component, IncidentConflictException conflict) {
        return conflict.changedBy() == null
                ? component.getTranslation("incident.conflict.unknown")
                : component.getTranslation(
                        "incident.conflict", conflict.changedBy(), time(component, conflict.changedAt()));
    }

    static String time(Component component, Instant instant) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withZone(ZoneId.systemDefault())
                        .format(instant);
    }

    static void error(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void done(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
