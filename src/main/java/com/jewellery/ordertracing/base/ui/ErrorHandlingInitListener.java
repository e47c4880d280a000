package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.DatabaseReachability;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that catches what a click or a server round-trip throws: a translated notification
 * for the person, the stack trace for the log.
 */
@Component
class ErrorHandlingInitListener implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingInitListener.class);
    private final DatabaseReachability database;

    ErrorHandlingInitListener(DatabaseReachability database) {
        this.database = database;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    if (browserWentAway(error.getThrowable())) {
                        // nobody waits for this answer any more (a closed tab, a browser that gave up): no
                        // notification to show and nothing wrong on the server, so no error reference either
                        log.debug("A browser went away before its answer was written: {}", error.getThrowable());
                        return;
                    }
                    String reference = ErrorReference.log("A UI action failed", error.getThrowable());
                    UI ui = UI.getCurrent();
                    if (ui != null) {
                        // a save that failed because the database is down: nothing was written, the form keeps
                        // what was typed (views clear a field only after their service call returned)
                        String text = database.explains(error.getThrowable())
                                ? ui.getTranslation("fault.db.save", reference)
                                : ui.getTranslation("error.unexpected.text", reference);
                        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }));
    }

    /** The answer could not be written because the browser closed the connection (Tomcat's client abort). */
    static boolean browserWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }
}
