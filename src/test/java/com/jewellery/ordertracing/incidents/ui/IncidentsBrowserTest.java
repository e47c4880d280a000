package com.jewellery.ordertracing.incidents.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Support opens an incident, links orders, comments with markup that stays text, and follows an order link
 * to the journey; a second person editing at the same time gets the conflict with their text kept; roles
 * that may not edit are refused by URL and by the service.
 */
class IncidentsBrowserTest extends BrowserTestBase {

    /** The strategy method security reads in this context (Vaadin's bean); the JVM-wide one may be another context's. */
    @Autowired
    private org.springframework.security.core.context.SecurityContextHolderStrategy security;

    @Autowired
    private IncidentService service;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.AfterEach
    void forgetNotifications() {
        // incident notifications (no alert) would otherwise wait in the outbox for AlertDeliveryIT's dispatcher
        jdbc.update("DELETE FROM alert_notification WHERE alert_id IS NULL");
    }

    private final String prefix =
            "ORD-BT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";

    @Test
    void supportOpensAnIncidentLinksOrdersCommentsSafelyAndFollowsTheOrderLink() {
        Page page = signInAs("support", "/incidents/new?order=" + prefix + "1");
        assertThat(page.locator("#incident-create-orders textarea")).hasValue(prefix + "1");
        page.locator("#incident-title input").fill("");
        page.locator("#incident-create-button").click();
        // refused without a title, and the orders typed stay
        assertThat(page.locator("#incident-title")).containsText("A title is required.");
        assertThat(page.locator("#incident-create-orders textarea")).hasValue(prefix + "1");

        page.locator("#incident-title input").fill("Gold prices missing");
        page.locator("#incident-create-button").click();
        page.waitForURL(Pattern.compile(".*/incidents/INC-\\d+"));
        assertThat(page.locator("#incident-heading")).containsText("Gold prices missing");
        assertThat(page.locator(
                        "#incident-orders vaadin-grid-cell-content",
                        new Page.LocatorOptions().setHasText(prefix + "1")))
                .hasCount(1);
        assertThat(page.locator("#incident-orders")).containsText("not seen in traces yet");

        page.locator("#incident-attach-ids textarea").fill(prefix + "2 not/an-id");
        page.locator("#incident-attach").click();
        assertThat(page.locator("#incident-attach-ids")).containsText("Not an order id: not/an-id");
        assertThat(page.locator("#incident-attach-ids textarea")).hasValue(prefix + "2 not/an-id");
        page.locator("#incident-attach-ids textarea").fill(prefix + "2");
        page.locator("#incident-attach").click();
        assertThat(page.locator(
                        "#incident-orders vaadin-grid-cell-content",
                        new Page.LocatorOptions().setHasText(prefix + "2")))
                .hasCount(1);
        assertThat(page.locator("#incident-order-counts")).containsText("2 orders");

        String markup = "<b>bold</b> <img src=x onerror=\"window.pwned=1\"> клиенту сообщили, см. " + prefix + "1";
        page.locator("#incident-comment textarea").fill(markup);
        page.locator("#incident-comment-send").click();
        Locator comment = page.locator("#incident-timeline .incident-timeline-entry[data-kind=COMMENT]");
        assertThat(comment).containsText("<b>bold</b> <img src=x onerror=\"window.pwned=1\"> клиенту сообщили");
        assertThat(comment.locator("b")).hasCount(0);
        assertThat(comment.locator("img")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.pwned === undefined"))
                .isEqualTo(true);
        screenshot(page, "incident");

        comment.locator("a", new Locator.LocatorOptions().setHasText(prefix + "1"))
                .click();
        page.waitForURL(Pattern.compile(".*/orders/" + Pattern.quote(prefix + "1")));
        assertThat(page.locator("#order-lookup")).isVisible();
        assertThat(page.locator("#order-search input")).hasValue(prefix + "1");
    }

    @Test
    void aSecondPersonSavingMeanwhileGetsTheConflictAndKeepsTheirText() {
        String key = as(
                "support",
                Roles.SUPPORT,
                () -> service.create(
                        new IncidentDraft("Shared incident", null, Severity.HIGH, null, Set.of(), List.of()),
                        List.of()));
        Page support = signInAs("support", "/incidents/" + key);
        Page admin = signInAs("admin", "/incidents/" + key);

        support.locator("#incident-title input").fill("Shared incident: price feed");
        support.locator("#incident-save").click();
        assertThat(support.locator("vaadin-notification-card")).containsText(key + " saved");

        admin.locator("#incident-description textarea").fill("Admin's notes that must not be lost");
        admin.locator("#incident-save").click();

        assertThat(admin.locator("#incident-conflict-text")).containsText("support changed this incident at");
        assertThat(admin.locator("#incident-description textarea")).hasValue("Admin's notes that must not be lost");
        assertThat(admin.locator("#incident-title input")).hasValue("Shared incident");
        screenshot(admin, "incident-conflict");

        admin.locator("#incident-reload").click();
        assertThat(admin.locator("#incident-title input")).hasValue("Shared incident: price feed");
    }

    @Test
    void theListIsFilteredFromTheUrlAndKeepsItsFilterInTheUrl() {
        String title = "Listed " + prefix;
        String key = as(
                "support",
                Roles.SUPPORT,
                () -> service.create(
                        new IncidentDraft(title, null, Severity.CRITICAL, "developer", Set.of(), List.of()),
                        List.of(prefix + "5")));
        Page page = signInAs("analyst", "/incidents?order=" + prefix + "5");

        assertThat(page.locator("#incident-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title)))
                .hasCount(1);
        assertThat(page.locator("#incident-filter-order input")).hasValue(prefix + "5");
        assertThat(page.locator("#incident-new")).hasCount(0);

        page.navigate(PORTAL + "/incidents?q=" + prefix + "&severity=LOW");
        assertThat(page.locator("#incident-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title)))
                .hasCount(0);
        page.locator("#incident-filter-severity").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Critical"))
                .click();
        page.waitForURL(Pattern.compile(".*severity=CRITICAL.*"));
        assertThat(page.locator("#incident-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title)))
                .hasCount(1);
        page.locator("#incident-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title))
                .click();
        page.waitForURL(Pattern.compile(".*/incidents/" + key));
    }

    @Test
    void rolesThatMayNotEditAreRefusedByUrlAndByTheService() {
        String key = as(
                "support",
                Roles.SUPPORT,
                () -> service.create(
                        new IncidentDraft("Read only for analysts", null, Severity.LOW, null, Set.of(), List.of()),
                        List.of()));

        Page analyst = signInAs("analyst", "/incidents/new");
        assertThat(analyst.locator("#no-access")).isVisible();
        analyst.navigate(PORTAL + "/incidents/" + key);
        assertThat(analyst.locator("#incident-heading")).containsText("Read only for analysts");
        assertThat(analyst.locator("#incident-save")).hasCount(0);
        assertThat(analyst.locator("#incident-comment")).hasCount(0);
        assertThat(analyst.locator("#incident-title input")).hasAttribute("readonly", "");

        Page developer = signInAs("developer", "/incidents/new");
        assertThat(developer.locator("#no-access")).isVisible();

        assertThatThrownBy(() -> as("analyst", Roles.ANALYST, () -> service.comment(key, "not allowed")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("developer", Roles.DEVELOPER, () -> service.attach(key, prefix + "9")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private <T> T as(String user, String role, java.util.function.Supplier<T> work) {
        var context = security.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, "n/a", List.of(new SimpleGrantedAuthority(Roles.PREFIX + role))));
        security.setContext(context);
        try {
            return work.get();
        } finally {
            security.clearContext();
        }
    }
}
