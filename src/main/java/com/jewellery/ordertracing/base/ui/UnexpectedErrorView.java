package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.DatabaseReachability;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * Any exception while opening a view: the person gets a clear message and a reference, the log gets the
 * stack trace. A stack trace on a page helps nobody and tells an attacker too much.
 */
@PermitAll
@ParentLayout(MainLayout.class)
class UnexpectedErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private final DatabaseReachability database;

    UnexpectedErrorView(DatabaseReachability database) {
        this.database = database;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference =
                ErrorReference.log("Opening /" + event.getLocation().getPath() + " failed", parameter.getException());
        if (database.explains(parameter.getException())) {
            setId("database-down");
            show(getTranslation("fault.db.title"), getTranslation("fault.db.page", reference));
            return HttpStatusCode.SERVICE_UNAVAILABLE.getCode();
        }
        show(getTranslation("error.unexpected.title"), getTranslation("error.unexpected.text", reference));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
