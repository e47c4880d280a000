package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.lost.ui.LostListExtension;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** "Add to incident" and "new incident" for the rows selected in the lost-orders list, for those who link orders. */
@org.springframework.stereotype.Component
class IncidentsOnLostList implements LostListExtension {

    private final IncidentService service;
    private final AuthenticationContext authentication;

    IncidentsOnLostList(IncidentService service, AuthenticationContext authentication) {
        this.service = service;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> selectionActions(Supplier<List<String>> selected, Runnable done) {
        if (!authentication.hasRole(Roles.INCIDENT_WORK)) {
            return Optional.empty();
        }
        return Optional.of(new AddToIncident(service, "lost-add-to-incident", selected, done));
    }
}
