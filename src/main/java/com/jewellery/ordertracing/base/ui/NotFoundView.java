package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/** A translated "page not found" inside the portal's shell, instead of Vaadin's bare default. */
@PermitAll
@ParentLayout(MainLayout.class)
class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(
                getTranslation("error.notFound.title"),
                getTranslation("error.notFound.text", event.getLocation().getPath()));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
