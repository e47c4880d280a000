package com.jewellery.ordertracing.lookup.ui;

import com.jewellery.ordertracing.base.ui.ShowsIndexAge;
import com.jewellery.ordertracing.lookup.LookupResult;
import com.jewellery.ordertracing.lookup.OrderIds;
import com.jewellery.ordertracing.lookup.OrderLookupService;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * "Where is order X?": type an id, see its journey; below, the most recent orders. The order id is part of
 * the URL ({@code /orders/ORD-...}), so a journey can be shared as a link. Other features add to the page
 * through {@link LookupExtension} (the incidents of an order, a support agent's open incidents beside it).
 */
@Route("orders/:orderId?")
@Menu(order = 10, icon = "vaadin:search", title = "menu.orders")
@RolesAllowed(Roles.ORDER_WORK)
class OrderLookupView extends VerticalLayout implements ShowsIndexAge, HasDynamicTitle, BeforeEnterObserver {

    private final OrderLookupService lookupService;
    private final List<LookupExtension> extensions;
    private final TextField orderId = new TextField();
    private final Div result = new Div();

    OrderLookupView(OrderLookupService lookupService, ObjectProvider<LookupExtension> extensions) {
        this.lookupService = lookupService;
        this.extensions = extensions.orderedStream().toList();
        setId("order-lookup");
        result.setWidthFull();
        VerticalLayout main = new VerticalLayout(
                new H2(getTranslation("lookup.title")),
                searchBar(),
                result,
                new RecentOrdersGrid(lookupService, this::open));
        main.setPadding(false);
        main.setMinWidth("0");
        List<Component> beside = this.extensions.stream()
                .flatMap(extension -> extension.beside().stream())
                .toList();
        if (beside.isEmpty()) {
            add(main);
        } else {
            VerticalLayout aside = new VerticalLayout();
            aside.setId("order-lookup-aside");
            aside.setPadding(false);
            aside.setWidth("24em");
            aside.getStyle().set("flex-shrink", "0");
            beside.forEach(aside::add);
            HorizontalLayout columns = new HorizontalLayout(main, aside);
            columns.setWidthFull();
            columns.setFlexGrow(1, main);
            add(columns);
        }
    }

    private HorizontalLayout searchBar() {
        orderId.setId("order-search");
        orderId.setLabel(getTranslation("lookup.orderId"));
        orderId.setPlaceholder("ORD-…");
        orderId.setClearButtonVisible(true);
        orderId.setWidth("28em");
        Button search = new Button(getTranslation("lookup.search"), click -> open(orderId.getValue()));
        search.setId("order-search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(orderId, search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** Checks what was typed before navigating, so a typo keeps the text and gets a clear message. */
    private void open(String typed) {
        OrderIds.normalize(typed)
                .ifPresentOrElse(
                        id -> getUI().ifPresent(
                                        ui -> ui.navigate(OrderLookupView.class, new RouteParameters("orderId", id))),
                        this::markInvalid);
    }

    private void markInvalid() {
        orderId.setInvalid(true);
        orderId.setErrorMessage(getTranslation("lookup.invalid", OrderIds.MAX_LENGTH));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("orderId").ifPresentOrElse(this::show, result::removeAll);
    }

    private void show(String typed) {
        orderId.setValue(typed);
        result.removeAll();
        orderId.setInvalid(false);
        switch (lookupService.lookup(typed)) {
            case LookupResult.Found found -> {
                extensions.forEach(extension ->
                        extension.forOrder(found.journey().orderId()).ifPresent(result::add));
                result.add(new JourneyPanel(found));
            }
            case LookupResult.NotFound notFound ->
                result.add(message("order-not-found", getTranslation("lookup.notFound", notFound.orderId())));
            case LookupResult.Unreadable unreadable ->
                result.add(message(
                        "order-unreadable",
                        getTranslation("lookup.unreadable", unreadable.orderId(), unreadable.reference())));
            case LookupResult.Invalid invalid -> markInvalid();
        }
    }

    private static Paragraph message(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.orders");
    }
}
