package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.IndexAge;
import com.jewellery.ordertracing.security.CurrentUser;
import com.jewellery.ordertracing.security.CurrentUserService;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell around every view. The menu lists only what the signed-in role may open:
 * {@link MenuConfiguration#getMenuEntries()} filters by the views' access annotations.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final CurrentUserService currentUserService;
    private final IndexAge indexFreshness;
    private final Span indexAge = new Span();

    MainLayout(CurrentUserService currentUserService, IndexAge indexFreshness) {
        this.currentUserService = currentUserService;
        this.indexFreshness = indexFreshness;
        indexAge.setId("index-age-banner");
        // styled here, not in portal.css, so the production bundle needs no rebuild for it
        indexAge.getStyle()
                .set("flex-basis", "100%")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                .set("color", "var(--lumo-warning-text-color, #8a5a00)")
                .set("font-size", "var(--lumo-font-size-s)");
        indexAge.getElement().setAttribute("role", "status");
        indexAge.setVisible(false);
        addToNavbar(new DrawerToggle(), title(), userBar(), indexAge);
        addToDrawer(menu());
        setPrimarySection(Section.DRAWER);
    }

    /** The banner with the index's age, on the pages whose data comes from the index, when it is behind. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        boolean dataPage = event.getActiveChain().stream().anyMatch(ShowsIndexAge.class::isInstance);
        Optional<Duration> stale = dataPage ? indexFreshness.staleBy() : Optional.empty();
        stale.ifPresent(
                age -> indexAge.setText(getTranslation("fault.index.behind", age.toMinutes(), age.toSecondsPart())));
        indexAge.setVisible(stale.isPresent());
    }

    private H1 title() {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("portal-title");
        return title;
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(menuItem(entry)));
        return nav;
    }

    private SideNavItem menuItem(MenuEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private HorizontalLayout userBar() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("portal-user-bar");
        bar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        currentUserService.currentUser().ifPresent(user -> bar.add(userLabel(user)));
        bar.add(languageSelect());
        Button signOut = new Button(getTranslation("app.signOut"), click -> currentUserService.signOut());
        signOut.setId("sign-out");
        bar.add(signOut);
        return bar;
    }

    private Span userLabel(CurrentUser user) {
        Span label = new Span(user.displayName());
        label.setId("current-user");
        label.setTitle(
                user.roles().isEmpty()
                        ? getTranslation("app.noRole")
                        : getTranslation("app.roles", String.join(", ", user.roles())));
        return label;
    }

    private Select<Locale> languageSelect() {
        Select<Locale> select = new Select<>();
        select.setId("language");
        select.setAriaLabel(getTranslation("app.language"));
        select.setItems(LocalePreference.SUPPORTED);
        select.setItemLabelGenerator(locale -> getTranslation("app.language." + locale.getLanguage()));
        select.setValue(LocalePreference.SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(getLocale().getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH));
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                LocalePreference.choose(change.getValue());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        return select;
    }
}
