package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where the portal opens after sign-in: a support agent's first question is "where is order X?", so
 * SUPPORT lands on the order lookup (their open incidents beside it); every other role on the status page.
 * Both stay in the menu. By path only, so the shell depends on no feature.
 */
@Route("")
@RolesAllowed(Roles.STAFF)
class LandingView extends Div implements BeforeEnterObserver {

    static final String SUPPORT_HOME = "orders";
    static final String HOME = "status";

    private final AuthenticationContext authentication;

    LandingView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(authentication.hasRole(Roles.SUPPORT) ? SUPPORT_HOME : HOME);
    }
}
