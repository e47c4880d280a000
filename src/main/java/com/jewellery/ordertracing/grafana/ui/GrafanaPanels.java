package com.jewellery.ordertracing.grafana.ui;

import com.jewellery.ordertracing.grafana.GrafanaService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The Grafana panels of the analytics page, for the page's range and stage; a placeholder saying why when
 * Grafana is not configured or does not answer. Only for people who may see analytics (the service checks).
 */
public class GrafanaPanels extends Div {

    public GrafanaPanels(GrafanaService service, Instant from, Instant to, String stage, ZoneId zone) {
        setId("grafana-panels");
        setWidthFull();
        add(new H3(getTranslation("grafana.title")));
        GrafanaService.Embedding embedding = service.embedding(from, to, stage, zone, getLocale());
        embedding
                .unavailable()
                .ifPresentOrElse(
                        reason -> {
                            Paragraph placeholder =
                                    new Paragraph(getTranslation("grafana.unavailable." + reason.name()));
                            placeholder.setId("grafana-placeholder");
                            placeholder.getElement().setAttribute("data-reason", reason.name());
                            if (embedding.detail() != null) {
                                placeholder.getElement().setAttribute("title", embedding.detail());
                            }
                            add(placeholder);
                        },
                        () -> embedding.frames().forEach(frame -> {
                            IFrame panel = new IFrame(frame.url());
                            panel.addClassName("grafana-panel");
                            panel.setTitle(frame.title());
                            panel.getElement().setAttribute("loading", "lazy");
                            panel.getElement().setAttribute("referrerpolicy", "same-origin");
                            panel.setWidth("100%");
                            panel.setHeight("320px");
                            panel.getStyle().set("border", "0");
                            add(new Paragraph(frame.title()), panel);
                        }));
    }
}
