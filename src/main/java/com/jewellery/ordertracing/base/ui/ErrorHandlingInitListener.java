package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The one place that catches what a click or a server round-trip throws: a translated notification
 * for the person, the stack trace for the log.
 */
@Component
class ErrorHandlingInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    String reference = ErrorReference.log("A UI action failed", error.getThrowable());
                    UI ui = UI.getCurrent();
                    if (ui != null) {
                        Notification notification = Notification.show(
                                ui.getTranslation("error.unexpected.text", reference),
                                8000,
                                Notification.Position.TOP_CENTER);
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }));
    }
}
