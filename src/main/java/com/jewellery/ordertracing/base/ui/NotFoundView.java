package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(
                new H2(getTranslation("error.notFound.title")),
                new Paragraph(getTranslation(
                        "error.notFound.text", event.getLocation().getPath())));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
