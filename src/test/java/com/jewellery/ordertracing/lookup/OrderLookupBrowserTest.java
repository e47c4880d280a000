package com.jewellery.ordertracing.lookup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Where is order X?" in the browser, for one real order of each outcome: the flow runs, the portal's
 * indexer picks the traces up from Jaeger, and a signed-in person looks each order up.
 */
class OrderLookupBrowserTest extends BrowserTestBase {

    private static final Duration INDEXING_LIMIT = Duration.ofSeconds(90);
    /** The stage grid's columns: stage, service, state, ...; the state is the third. */
    private static final int STAGE_STATE_COLUMN = 2;

    @Autowired
    private JdbcTemplate jdbc;

    private Map<Outcome, String> orderOf;

    @BeforeAll
    void playOneOrderOfEachOutcome() throws Exception {
        GroundTruth truth = GeneratedOrders.playEveryOutcome(20);
        orderOf = truth.orders().stream()
                .map(SentOrder::order)
                .collect(Collectors.toMap(order -> order.outcome(), order -> order.orderId(), (a, b) -> a));
        List<String> ids = List.copyOf(orderOf.values());
        await().atMost(INDEXING_LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> completelyIndexed(ids));
    }

    /** Indexed, and the completing orders have reached their terminal stage (the MES outage ends late). */
    private boolean completelyIndexed(List<String> ids) {
        Integer indexed = jdbc.queryForObject(
                "select count(distinct order_id) from order_journey where order_id = any(?)", Integer.class, (Object)
                        ids.toArray(String[]::new));
        Integer completed = jdbc.queryForObject(
                "select count(distinct order_id) from order_journey where order_id = any(?) and outcome = 'COMPLETED'",
                Integer.class,
                (Object) ids.toArray(String[]::new));
        long completing = orderOf.keySet().stream().filter(Outcome::completes).count();
        return indexed == ids.size() && completed == completing;
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void aDeveloperSeesTheJourneyOfEachOutcome(Outcome outcome) {
        Page page = signInAs("developer", "/orders/" + orderOf.get(outcome));

        assertThat(page.locator("#order-result h3")).containsText(orderOf.get(outcome));
        assertThat(page.locator("#order-outcome")).hasText(expectedOutcomeLabel(outcome));
        assertThat(page.locator("#journey-timeline svg")).isVisible();
        assertThat(page.locator("#trace-links a").first())
                .hasAttribute("href", java.util.regex.Pattern.compile("https://localhost:16686/trace/[0-9a-f]{32}"));
        Locator stages = page.locator("#stage-grid vaadin-grid-cell-content");
        assertThat(stages.filter(new Locator.FilterOptions().setHasText("RabbitMQ: waiting in queue")))
                .hasCount(1);
        switch (outcome) {
            case PRICING_ERROR -> {
                assertThat(page.locator("#order-errors .error-message").first())
                        .not()
                        .isEmpty();
                assertThat(page.locator("#order-errors .stacktrace").first())
                        .containsText("at com.jewellery.orderflow");
            }
            case POISON -> {
                assertThat(page.locator("#order-errors")).containsText("MES: received");
                assertThat(page.locator("#order-errors .dead-letter").first())
                        .hasText(
                                "The message was moved to the dead-letter queue: MES will not process it until it is sent again.");
            }
            case LOST -> {
                // published by the CRM, never delivered: everything from the queue on is missing
                assertThat(page.locator("#order-last-stage")).hasText("Last stage reached: CRM: published to MES");
                assertThat(stateOf(page, "RabbitMQ: waiting in queue")).containsText("Missing");
                assertThat(stateOf(page, "MES: manufacturing approved")).containsText("Missing");
                assertThat(stateOf(page, "CRM: published to MES")).not().containsText("Missing");
            }
            case STUCK -> {
                // processed by the CRM, never published
                assertThat(page.locator("#order-last-stage")).hasText("Last stage reached: CRM: processing");
                assertThat(stateOf(page, "CRM: published to MES")).containsText("Missing");
                assertThat(stateOf(page, "CRM: processing")).not().containsText("Missing");
            }
            default -> assertThat(page.locator("#order-errors")).hasCount(0);
        }
        screenshot(page, "lookup-" + outcome.key());
    }

    @Test
    void supportSeesWhereAndWhyButNoStackTrace() {
        Page page = signInAs("support", "/orders/" + orderOf.get(Outcome.PRICING_ERROR));

        assertThat(page.locator("#order-errors")).containsText("MES: price calculation");
        assertThat(page.locator("#order-errors .error-message").first()).not().isEmpty();
        assertThat(page.locator("#order-errors .stacktrace")).hasCount(0);
        screenshot(page, "lookup-support-pricing-error");
    }

    @Test
    void aTypoKeepsTheTextAndSaysWhatAnOrderIdLooksLike() {
        Page page = signInAs("support", "/orders");

        page.locator("#order-search input").fill("ORD 12/3!");
        page.locator("#order-search-button").click();

        assertThat(page.locator("#order-search")).hasAttribute("invalid", "");
        assertThat(page.locator("#order-search")).containsText("e.g. ORD-2026-000123");
        assertThat(page.locator("#order-search input")).hasValue("ORD 12/3!");
    }

    @Test
    void anUnknownOrderSaysSoAndWhy() {
        Page page = signInAs("support", "/orders/ORD-NEVER-000001");

        assertThat(page.locator("#order-not-found")).containsText("ORD-NEVER-000001");
    }

    @Test
    void aStoredJourneyThisVersionCannotReadIsExplainedWithAReference() {
        // a row whose JSON lacks what the journey model needs, as an older or newer portal might have written
        JourneyRows rows = new JourneyRows(jdbc, "ORD-UNREADABLE-" + System.nanoTime() + "-");
        rows.insert(rows.failed("1", Instant.now(), "mes.price", Instant.now(), "No rate"));
        try {
            Page page = signInAs("support", "/orders/" + rows.id("1"));

            assertThat(page.locator("#order-unreadable")).containsText(rows.id("1"));
            assertThat(page.locator("#order-unreadable")).containsText("Re-index");
            assertThat(page.locator("#order-unreadable")).containsText("reference");
        } finally {
            rows.deleteAll();
        }
    }

    @Test
    void searchingFromTheFieldOpensTheJourneyAndTheRecentGridLinksToOrders() {
        Page page = signInAs("support", "/orders");
        String id = orderOf.get(Outcome.OK);

        page.locator("#order-search input").fill(id);
        page.locator("#order-search-button").click();

        assertThat(page.locator("#order-result h3")).containsText(id);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/orders/" + id));
        Locator firstListedOrder = page.locator("#recent-orders-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^ORD-")))
                .first();
        String listed = firstListedOrder.textContent().strip();
        firstListedOrder.click();

        page.waitForURL("**/orders/" + listed);
        assertThat(page.locator("#order-result h3")).containsText(listed);
        assertThat(page.locator("#order-search input")).hasValue(listed);
    }

    @Test
    void anOrderIdTypedInLowerCaseFindsItsOrder() {
        String id = orderOf.get(Outcome.OK);
        Page page = signInAs("support", "/orders");

        page.locator("#order-search input").fill(" " + id.toLowerCase(java.util.Locale.ROOT) + " ");
        page.locator("#order-search-button").click();

        assertThat(page.locator("#order-result h3")).containsText(id);
        assertThat(page.locator("#order-not-found")).hasCount(0);
    }

    /**
     * The state cell of the stage grid's row that names the stage: a grid's cell contents come row by row,
     * so the state follows the name two cells on.
     */
    private static Locator stateOf(Page page, String stageName) {
        Locator cells = page.locator("#stage-grid vaadin-grid-cell-content");
        List<String> texts = cells.allTextContents();
        int first = texts.indexOf(stageName);
        org.assertj.core.api.Assertions.assertThat(first)
                .as("a row for " + stageName)
                .isNotNegative();
        return page.locator("#stage-grid vaadin-grid-cell-content >> nth=" + (first + STAGE_STATE_COLUMN));
    }

    private static String expectedOutcomeLabel(Outcome outcome) {
        if (outcome.completes()) {
            return "Completed";
        }
        return outcome == Outcome.PRICING_ERROR || outcome == Outcome.POISON ? "Failed" : "In progress";
    }
}
