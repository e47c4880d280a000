package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** What the error views show inside the layout: a title and a sentence, with the views' own padding. */
abstract class ErrorPage extends Div {

    ErrorPage() {
        // the data views are padded layouts; a bare Div would put the text against the side menu
        getStyle().set("padding", "var(--lumo-space-m)");
    }

    void show(String title, String text) {
        removeAll();
        add(new H2(title), new Paragraph(text));
    }
}
