package com.jewellery.ordertracing.lost.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lost-orders page in Chromium: the list, a filter, the CSV export, and the analysts' counts-only page. */
class LostOrdersBrowserTest extends BrowserTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    private JourneyRows rows;

    @BeforeEach
    void insertOrders() {
        rows = new JourneyRows(
                jdbc, "ORD-BT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-");
        Instant now = Instant.now();
        rows.insert(
                rows.open("STUCK", now.minus(Duration.ofMinutes(3)), "crm.process", now.minus(Duration.ofMinutes(2))));
        rows.insert(rows.failed(
                "FAILED",
                now.minus(Duration.ofMinutes(1)),
                "mes.price",
                now.minusSeconds(30),
                "Pricing failed: no rate for \"GOLD_750\", retry later"));
        rows.insert(rows.open("MOVING", now.minusSeconds(5), "crm.process", now.minusSeconds(1)));
    }

    @AfterEach
    void deleteOrders() {
        rows.deleteAll();
    }

    @Test
    void supportFiltersTheListAndExportsWhatItShows() throws Exception {
        Page page = signInAs("support", "/lost");
        assertThat(page.locator("#lost-counts")).isVisible();

        // typed in lower case, as an id copied from a customer's mail may be
        page.locator("#lost-filter-order input").fill(rows.id("").toLowerCase(java.util.Locale.ROOT));
        // the grid keeps recycled cells hidden after a refresh: only visible ones count
        Locator cells = page.locator("#lost-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("STUCK"))))
                .hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("FAILED"))))
                .hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("MOVING"))))
                .hasCount(0);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("MES: price calculation: Pricing failed")))
                .hasCount(1);
        screenshot(page, "lost-orders-support");

        page.locator("#lost-filter-reason").click();
        // exactly "Failed": support's page also holds the add-to-incident picker, whose titles may say "failed"
        page.locator("vaadin-select-item[label='Failed']").click();
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("STUCK"))))
                .hasCount(0);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("FAILED"))))
                .hasCount(1);

        Download download =
                page.waitForDownload(() -> page.locator("#lost-export").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(download.suggestedFilename()).startsWith("lost-orders-").endsWith(".csv");
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv)
                .startsWith("\uFEFForder_id,last_stage,reason,")
                .contains(rows.id("FAILED") + ",mes.price,FAILED,")
                .contains("\"mes.price: Pricing failed: no rate for \"\"GOLD_750\"\", retry later\"")
                .doesNotContain(rows.id("STUCK"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en-US|Not confirmed|Traces do not continue from crm to mes",
                "ru-RU|Не подтверждён|Трассы не продолжаются из crm в mes"
            })
    void ordersBeforeAHopThatLosesTracesAreNotConfirmedAndThePageSaysWhy(
            String locale, String reason, String explanation) {
        // MES traces that no CRM trace continues, as when MES samples its own new traces: a broken hop
        JourneyRows unlinked = new JourneyRows(
                jdbc, "ORD-BU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-");
        Instant now = Instant.now();
        for (int i = 0; i < 400; i++) {
            unlinked.insert(
                    unlinked.completed("M" + i, now.minusSeconds(300), now.minusSeconds(290)),
                    List.of("mes.consume", "mes.price", "mes.approve"));
        }
        rows.insert(
                rows.open("BEFOREHOP", now.minusSeconds(200), "crm.publish", now.minusSeconds(150)),
                List.of("shop.create", "shop.send", "crm.process", "crm.publish"));
        try {
            Page page = signInAs("support", "/lost", locale);
            page.locator("#lost-filter-order input").fill(rows.id("BEFOREHOP"));

            Locator cells = page.locator("#lost-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("BEFOREHOP"))))
                    .hasCount(1);
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(reason))
                            .first())
                    .isVisible();
            assertThat(page.locator("#lost-coverage .continuity-broken")).containsText(explanation);
            screenshot(page, "lost-orders-unconfirmed-" + locale);
        } finally {
            unlinked.deleteAll();
        }
    }

    @Test
    void clickingAnOrderOpensItsJourney() throws Exception {
        // a real failed order from the flow, indexed from Jaeger: the journey page has a whole journey to show
        String failed = GeneratedOrders.play(1, "pricing_error=1", 10, 77)
                .orders()
                .getFirst()
                .order()
                .orderId();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM order_journey WHERE order_id = ? AND outcome = 'FAILED'",
                                Long.class,
                                failed)
                        == 1);
        Page page = signInAs("developer", "/lost");
        page.locator("#lost-filter-order input").fill(failed);

        // the id cell itself, not the error text that mentions the id
        page.locator(
                        "#lost-grid vaadin-grid-cell-content",
                        new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^" + failed + "$")))
                .click();

        page.waitForURL("**/orders/" + failed);
        assertThat(page.locator("#order-result h3")).containsText(failed);
        assertThat(page.locator("#order-outcome")).hasText("Failed");
        assertThat(page.locator("#order-last-stage")).hasText("Last stage reached: MES: price calculation");
        assertThat(page.locator("#order-errors")).containsText("MES: price calculation");
        assertThat(page.locator("#order-errors .stacktrace").first()).containsText("at com.jewellery.orderflow");
    }

    @Test
    void analystsSeeCountsButNoOrders() {
        Page page = signInAs("analyst", "/lost");

        assertThat(page.locator("#lost-counts")).isVisible();
        assertThat(page.locator("#lost-counts-only")).isVisible();
        assertThat(page.locator("#lost-grid")).hasCount(0);
        assertThat(page.locator("#lost-export")).hasCount(0);
        screenshot(page, "lost-orders-analyst");
    }
}
