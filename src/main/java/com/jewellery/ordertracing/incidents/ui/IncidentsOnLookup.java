package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.api.OpenIncidents;
import com.jewellery.ordertracing.lookup.ui.LookupExtension;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Incidents on the order lookup page: the incidents a found order belongs to (for every role that reads
 * incidents) with "add to incident" and "new incident from this order" (for those who link orders), and
 * beside the lookup a support agent's open incidents, theirs first. Components are built per call, for the
 * signed-in user; the service checks the roles again.
 */
@org.springframework.stereotype.Component
class IncidentsOnLookup implements LookupExtension {

    /** Open incidents listed beside the lookup, of each kind (assigned to the agent, others). */
    static final int BESIDE = 10;

    private final IncidentService service;
    private final AuthenticationContext authentication;

    IncidentsOnLookup(IncidentService service, AuthenticationContext authentication) {
        this.service = service;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> beside() {
        if (!authentication.hasRole(Roles.SUPPORT)) {
            return Optional.empty();
        }
        OpenIncidents open = service.openIncidents(BESIDE);
        Div panel = new Div();
        panel.setId("support-open-incidents");
        panel.setWidthFull();
        panel.add(new H3(panel.getTranslation("incident.home.title")));
        if (open.isEmpty()) {
            Paragraph none = new Paragraph(panel.getTranslation("incident.home.none"));
            none.setId("support-open-incidents-none");
            panel.add(none);
        }
        section(panel, "support-incidents-mine", "incident.home.mine", open.mine());
        section(panel, "support-incidents-others", "incident.home.others", open.others());
        panel.add(new Anchor("incidents", panel.getTranslation("incident.home.all")));
        return Optional.of(panel);
    }

    private static void section(Div panel, String id, String headingKey, List<IncidentSummary> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        incidents.forEach(incident -> list.add(new ListItem(link(panel, incident))));
        panel.add(new H4(panel.getTranslation(headingKey)), list);
    }

    @Override
    public Optional<Component> forOrder(String orderId) {
        if (!authentication.hasRole(Roles.INCIDENT_READ)) {
            return Optional.empty();
        }
        Div panel = new Div();
        panel.setId("order-incidents-panel");
        panel.setWidthFull();
        List<IncidentSummary> incidents = service.incidentsOf(orderId);
        Span heading = new Span(panel.getTranslation("incident.ofOrder.title"));
        heading.getStyle().set("font-weight", "600");
        panel.add(heading);
        if (incidents.isEmpty()) {
            Span none = new Span(" " + panel.getTranslation("incident.ofOrder.none"));
            none.setId("order-incidents-none");
            panel.add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("order-incident-list");
            incidents.forEach(incident -> list.add(new ListItem(link(panel, incident))));
            panel.add(list);
        }
        HorizontalLayout links = new HorizontalLayout();
        links.setId("order-incident-links");
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        // beside the add-to-incident picker the links were squeezed into a word per line
        links.setWrap(true);
        String query = "?order=" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
        if (!incidents.isEmpty()) {
            // the incident list filtered by this order: of use only when there is something to list
            Anchor all = new Anchor("incidents" + query, panel.getTranslation("incident.fromJourney.list"));
            all.setId("order-incidents");
            all.getStyle().set("white-space", "nowrap");
            links.add(all);
        }
        if (authentication.hasRole(Roles.INCIDENT_WORK)) {
            Anchor create = new Anchor("incidents/new" + query, panel.getTranslation("incident.fromJourney.new"));
            create.setId("order-new-incident");
            create.getStyle().set("white-space", "nowrap");
            links.add(create, new AddToIncident(service, "order-add-to-incident", () -> List.of(orderId), () -> {
                panel.getUI().ifPresent(ui -> ui.getPage().reload());
            }));
        }
        if (links.getComponentCount() > 0) {
            panel.add(links);
        }
        return Optional.of(panel);
    }

    /** "INC-12 · title · status · severity" as a link to the incident. */
    private static Anchor link(Component in, IncidentSummary incident) {
        Anchor link = new Anchor(
                "incidents/" + incident.key(),
                incident.key() + " · " + incident.title() + " · " + Texts.status(in, incident.status()) + " · "
                        + in.getTranslation(
                                "incident.severity." + incident.severity().name()));
        link.addClassName("incident-link");
        link.getElement().setAttribute("data-key", incident.key());
        return link;
    }
}
