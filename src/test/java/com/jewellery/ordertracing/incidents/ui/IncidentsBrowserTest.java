package com.jewellery.ordertracing.incidents.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderFlowSpans;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.CallerContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Support opens an incident, links orders, comments with markup that stays text, and follows an order link
 * to the journey; a second person editing at the same time gets the conflict with their text kept; roles
 * that may not edit are refused by URL and by the service. Support lands on the order lookup with their open
 * incidents beside it; the journey page lists an order's incidents and adds it to another; selected rows of
 * the lost-orders list and an alert of the history open incidents.
 */
class IncidentsBrowserTest extends BrowserTestBase {

    @Autowired
    private IncidentService service;

    @Autowired
    private JourneyAssembler assembler;

    @Autowired
    private Clock clock;

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

    // --- a support agent's home, the journey page, the lost-orders list and the alert history

    @Test
    void supportLandsOnTheOrderLookupWithTheirOpenIncidentsBesideItAndTheStatusPageStaysInTheMenu() {
        String mine = as(
                "support",
                Roles.SUPPORT,
                () -> service.create(
                        new IncidentDraft("Home mine " + prefix, null, Severity.HIGH, "support", Set.of(), List.of()),
                        List.of()));
        String other = as(
                "support",
                Roles.SUPPORT,
                () -> service.create(
                        new IncidentDraft("Home other " + prefix, null, Severity.LOW, null, Set.of(), List.of()),
                        List.of()));

        Page page = signInAs("support", "/");

        assertThat(page.locator("#order-lookup")).isVisible();
        assertThat(page.locator("#system-status")).hasCount(0);
        assertThat(page.locator("#support-incidents-mine " + link(mine))).containsText("Home mine " + prefix);
        assertThat(page.locator("#support-incidents-mine " + link(mine))).containsText("Triage · High");
        assertThat(page.locator("#support-incidents-mine " + link(other))).hasCount(0);
        assertThat(page.locator("#support-incidents-others " + link(other))).containsText("Home other " + prefix);
        screenshot(page, "support-home");

        page.locator("#support-incidents-mine " + link(mine)).click();
        page.waitForURL(Pattern.compile(".*/incidents/" + mine));
        assertThat(page.locator("#incident-heading")).containsText("Home mine " + prefix);
        page.locator("#main-menu vaadin-side-nav-item", new Page.LocatorOptions().setHasText("System status"))
                .click();
        assertThat(page.locator("#system-status")).isVisible();

        Page developer = signInAs("developer", "/");
        assertThat(developer.locator("#system-status")).isVisible();
        developer.navigate(PORTAL + "/orders");
        assertThat(developer.locator("#order-lookup")).isVisible();
        assertThat(developer.locator("#support-open-incidents")).hasCount(0);
    }

    @Test
    void theJourneyPageListsTheIncidentsOfTheOrderAndAddsItToAnother() {
        String order = prefix + "J";
        String alone = prefix + "K";
        for (String id : List.of(order, alone)) {
            JourneyRefresher.of(jdbc, assembler, clock)
                    .refresh(OrderFlowSpans.order(id, clock.instant().minus(Duration.ofMinutes(10)))
                            .spans());
        }
        try {
            String first = as(
                    "support",
                    Roles.SUPPORT,
                    () -> service.create(
                            new IncidentDraft(
                                    "Journey first " + prefix, null, Severity.CRITICAL, null, Set.of(), List.of()),
                            List.of(order)));
            String second = as(
                    "support",
                    Roles.SUPPORT,
                    () -> service.create(
                            new IncidentDraft(
                                    "Journey second " + prefix, null, Severity.LOW, null, Set.of(), List.of()),
                            List.of()));

            Page page = signInAs("support", "/orders/" + order);
            assertThat(page.locator("#order-result")).containsText(order);
            assertThat(page.locator("#order-incident-list " + link(first)))
                    .containsText("Journey first " + prefix + " · Triage · Critical");
            assertThat(page.locator("#order-incident-list " + link(second))).hasCount(0);

            page.locator("#order-add-to-incident-add").click();
            assertThat(page.locator("#order-add-to-incident-target")).containsText("Pick the incident to add to.");
            page.locator("#order-add-to-incident-target").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Journey second " + prefix))
                    .click();
            page.locator("#order-add-to-incident-add").click();
            assertThat(page.locator("#order-incident-list " + link(second))).containsText("Journey second " + prefix);
            assertThat(page.locator("#order-incident-list a.incident-link")).hasCount(2);
            screenshot(page, "journey-incidents");

            // a developer reads the order's incidents but links nothing
            Page developer = signInAs("developer", "/orders/" + order);
            assertThat(developer.locator("#order-incident-list a.incident-link"))
                    .hasCount(2);
            assertThat(developer.locator("#order-add-to-incident")).hasCount(0);
            assertThat(developer.locator("#order-new-incident")).hasCount(0);
            assertThat(developer.locator("#order-incidents")).hasAttribute("href", "incidents?order=" + order);

            // an order in no incident says so, without a link to an empty list
            developer.navigate(PORTAL + "/orders/" + alone);
            assertThat(developer.locator("#order-incidents-none")).isVisible();
            assertThat(developer.locator("#order-incidents")).hasCount(0);
        } finally {
            jdbc.update("DELETE FROM order_journey WHERE order_id IN (?, ?)", order, alone);
        }
    }

    @Test
    void supportSelectsRowsOfTheLostListForANewIncidentAndAddsAnotherRowToIt() {
        JourneyRows rows = new JourneyRows(jdbc, prefix + "L");
        Instant now = Instant.now();
        // the third fails otherwise: sharing the incident's fingerprint, the matcher could attach it on its own
        for (String suffix : List.of("1", "2", "3")) {
            rows.insert(rows.failed(
                    suffix,
                    now.minus(Duration.ofMinutes(5)),
                    "mes.price",
                    now.minusSeconds(60),
                    suffix.equals("3") ? "price service unreachable" : "no price quote"));
        }
        try {
            Page page = signInAs("support", "/lost");
            page.locator("#lost-filter-order input").fill(rows.id(""));
            select(page, rows.id("1"));
            select(page, rows.id("2"));
            page.locator("#lost-add-to-incident-new").click();

            page.waitForURL(Pattern.compile(".*/incidents/new.*"));
            assertThat(page.locator("#incident-create-orders textarea")).hasValue(rows.id("1") + "\n" + rows.id("2"));
            page.locator("#incident-title input").fill("Selected " + prefix);
            page.locator("#incident-create-button").click();
            page.waitForURL(Pattern.compile(".*/incidents/INC-\\d+"));
            String key = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(page.locator("#incident-order-counts")).containsText("2 orders");

            page.navigate(PORTAL + "/lost");
            page.locator("#lost-filter-order input").fill(rows.id(""));
            page.locator("#lost-add-to-incident-add").click();
            assertThat(page.locator("vaadin-notification-card")).containsText("Select orders in the list first.");
            select(page, rows.id("3"));
            page.locator("#lost-add-to-incident-target").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Selected " + prefix))
                    .click();
            page.locator("#lost-add-to-incident-add").click();
            // the "select first" notification may still be open beside it
            assertThat(page.locator("vaadin-notification-card[theme='success']"))
                    .containsText("1 order attached to " + key);
            screenshot(page, "lost-selected");
            org.assertj.core.api.Assertions.assertThat(as("support", Roles.SUPPORT, () -> service.orderCount(key)))
                    .isEqualTo(3);
        } finally {
            rows.deleteAll();
        }
    }

    @Test
    void aSuggestionOpensTheFormNamedAfterTheFailureItsOrdersShareWithItsStage() {
        // what a suggestion's button opens (IncidentListView): one sample order, the stage, the failure's name
        String title = "MES: price calculation: mes.price · no price quote for metal <*> " + prefix;
        Page page = signInAs(
                "support",
                "/incidents/new?order=" + prefix + "S&stage=mes.price&stage=no.such.stage&title="
                        + URLEncoder.encode(title, StandardCharsets.UTF_8));

        assertThat(page.locator("#incident-title input")).hasValue(title);
        assertThat(page.locator("#incident-stages")).hasAttribute("has-value", "");
        assertThat(page.locator("#incident-stages vaadin-multi-select-combo-box-chip:not([slot=overflow])"))
                .hasText(new String[] {"MES: price calculation"});
        assertThat(page.locator("#incident-create-orders textarea")).hasValue(prefix + "S");

        // opened from one order only, the form names that order
        page.navigate(PORTAL + "/incidents/new?order=" + prefix + "T");
        assertThat(page.locator("#incident-title input")).hasValue("Failure of " + prefix + "T");
    }

    @Test
    void supportOpensAnIncidentFromAnAlertAndTheTimelineRecordsIt() {
        String order = prefix + "A";
        String rule = "Alert " + prefix;
        Long alertId = jdbc.queryForObject(
                """
                INSERT INTO alert (rule_name, kind, problem_key, summary, summary_key, summary_stage, summary_args,
                    opened_at)
                VALUES (?, 'CRITICAL_ERROR', ?, ?, 'alerts.text.failed', 'mes.price', ?, now()) RETURNING id""", Long.class, rule, order, "Order " + order + " failed at mes.price", new String[] {order});
        try {
            Page page = signInAs("support", "/alerts");
            page.locator("#alert-history a[href=\"incidents/new?alert=" + alertId + "\"]")
                    .click();

            page.waitForURL(Pattern.compile(".*/incidents/new\\?alert=" + alertId));
            assertThat(page.locator("#incident-create-from-alert")).containsText(rule);
            assertThat(page.locator("#incident-title input")).hasValue(Pattern.compile(literal(rule) + ": .*"));
            assertThat(page.locator("#incident-create-orders textarea")).hasValue(order);
            page.locator("#incident-create-button").click();

            page.waitForURL(Pattern.compile(".*/incidents/INC-\\d+"));
            assertThat(page.locator("#incident-timeline .incident-timeline-entry[data-kind=FROM_ALERT]"))
                    .containsText("opened it from the alert \"" + rule + "\"");
            assertThat(page.locator("#incident-facts")).containsText("High");
            assertThat(page.locator(
                            "#incident-orders vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(order)))
                    .hasCount(1);
            screenshot(page, "incident-from-alert");
        } finally {
            jdbc.update("DELETE FROM alert WHERE id = ?", alertId);
        }
    }

    /** Ticks the selection checkbox of the list's row that shows this order id. */
    private static void select(Page page, String orderId) {
        Locator cell = page.locator("#lost-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true).setHasText(orderId));
        assertThat(cell).hasCount(1);
        cell.evaluateHandle("""
                        cell => cell.assignedSlot.parentElement.parentElement.querySelector('td slot')
                            .assignedElements()[0].querySelector('vaadin-checkbox')""").asElement().click();
    }

    /** A regular expression matching {@code text} literally in the browser: JavaScript has no \\Q…\\E. */
    private static String literal(String text) {
        return text.replaceAll("\\W", "\\\\$0");
    }

    private static String link(String key) {
        return "a.incident-link[data-key=\"" + key + "\"]";
    }

    private static <T> T as(String user, String role, java.util.function.Supplier<T> work) {
        return CallerContext.as(user, role, work);
    }
}
