package com.jewellery.ordertracing.analytics.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.analytics.MeasurementWriter;
import com.jewellery.ordertracing.analytics.SeriesCsv;
import com.jewellery.ordertracing.analytics.StageMeasurement;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics view in Chromium: an analyst opens a custom range from a link, reads the exact values of a
 * stage's bucket, drills down to its orders (ids only); a developer opens an order from there; the view in
 * Russian; support is refused. The measurements are written through the indexer's own writer, three days
 * back, so nothing else the tests index falls into the range.
 */
class AnalyticsBrowserTest extends BrowserTestBase {

    private static final String STAGE = "mes.price";
    private static final long[] MILLIS = {120, 340, 800, 2_500, 4_200};

    @Autowired
    private MeasurementWriter writer;

    private final String prefix =
            "ORD-AN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT) + "-";
    private final Instant minute = Instant.now()
            .minus(Duration.ofDays(3))
            .truncatedTo(ChronoUnit.HOURS)
            .plusSeconds(600);
    private Map<MeasurementWriter.Key, MeasurementWriter.Row> rows;

    @BeforeEach
    void writeMeasurements() {
        rows = new LinkedHashMap<>();
        for (int i = 0; i < MILLIS.length; i++) {
            StageMeasurement measurement = new StageMeasurement(
                    prefix + i, STAGE, minute.plusSeconds(10L * i), MILLIS[i] * 1000, i == 3, MILLIS[i] < 3_000);
            rows.put(
                    new MeasurementWriter.Key(measurement.orderId(), STAGE),
                    new MeasurementWriter.Row(minute.minusSeconds(30), measurement));
        }
        writer.write(Map.of(), rows);
    }

    @AfterEach
    void removeMeasurements() {
        writer.write(rows, Map.of());
    }

    @Test
    void anAnalystReadsABucketsExactValuesAndListsItsOrders() throws Exception {
        Page page = signInAs("analyst", link(null));

        assertThat(page.locator("#analytics-note")).containsText("counted at the time they ended");
        assertThat(page.locator("#analytics-durations")).isVisible();
        assertThat(page.locator("#analytics-traffic")).isVisible();
        Locator durationAxis = page.locator("#analytics-durations svg text");
        assertThat(durationAxis.filter(text("Duration"))).hasCount(1);
        assertThat(durationAxis.filter(text("Stage ended"))).hasCount(1);
        assertThat(durationAxis.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^[\\d,.]+ (ms|s)$"))))
                .not()
                .hasCount(0);
        Locator bucket = cells(page, "#analytics-buckets");
        // of five rows, p95 and p99 are both the slowest
        assertThat(bucket.filter(text(seconds(percentile(0.99))))).hasCount(2);
        assertThat(bucket.filter(text(millis(percentile(0.5))))).hasCount(1);
        // one failed of five; four of five under the 3 s the test rows count as within SLA
        assertThat(bucket.filter(text("20.00 %"))).hasCount(1);
        assertThat(bucket.filter(text("80.00 %"))).hasCount(1);
        screenshot(page, "analytics-analyst");

        Download download =
                page.waitForDownload(() -> page.locator("#analytics-csv").click());
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        assertThat(csv)
                .as("what the chart shows")
                .startsWith(SeriesCsv.HEADER + "\n")
                .contains("\n" + STAGE + "," + minute + ",60,5,")
                .contains("\n" + STAGE + "," + minute.plusSeconds(60) + ",60,0,,,,,\n");
        assertThat(csv.lines())
                .as("the header and the 60 one-minute buckets of the hour")
                .hasSize(61);

        bucket.filter(text(seconds(percentile(0.99)))).first().click();

        page.waitForURL("**at=*");
        assertThat(page.locator("#analytics-drilldown")).isVisible();
        assertThat(page.locator("#analytics-drilldown-no-links")).isVisible();
        Locator slowest = cells(page, "#analytics-slowest");
        assertThat(slowest.filter(text(prefix + "4"))).hasCount(1);
        assertThat(slowest.filter(text(prefix + "0"))).hasCount(1);
        assertThat(cells(page, "#analytics-failed").filter(text(prefix + "3"))).hasCount(1);
        assertThat(page.locator("#analytics-drilldown a[href*='orders/']")).hasCount(0);
        screenshot(page, "analytics-drilldown-analyst");
    }

    @Test
    void clickingAPointOfTheChartListsThatBucketsOrders() {
        Page page = signInAs("analyst", link(null));
        Locator chart = page.locator("#analytics-durations");
        assertThat(chart.locator("svg")).isVisible();
        double width = chart.boundingBox().width;
        double height = chart.boundingBox().height;

        // the middle of the plot is one of the range's buckets (any click over a bucket counts, not only on a
        // line's symbol): its drill-down opens, listing that minute's orders or saying there are none
        chart.click(new Locator.ClickOptions().setPosition(width / 2, height / 2));

        page.waitForURL("**at=*");
        assertThat(page.locator("#analytics-drilldown")).isVisible();
        assertThat(page.url()).contains("stage=" + STAGE);
    }

    @Test
    void aDeveloperOpensAnOrderFromTheDrillDown() {
        Page page = signInAs("developer", link(minute));

        page.locator("#analytics-slowest a", new Page.LocatorOptions().setHasText(prefix + "4"))
                .click();

        page.waitForURL("**/orders/" + prefix + "4");
    }

    @Test
    void theViewIsInRussianWhenChosen() {
        Page page = signInAs("analyst", link(null));
        page.locator("#language").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Русский"))
                .click();

        assertThat(page.locator("#analytics h2")).hasText("Длительность этапов во времени");
        assertThat(page.locator("#analytics-note")).containsText("по времени их завершения");
        assertThat(cells(page, "#analytics-buckets")
                        .filter(text(String.format(Locale.forLanguageTag("ru"), "%.2f с", percentile(0.99) / 1e6))))
                .hasCount(2);
        // the axes named, and the ticks echarts chooses numbered, in Russian with the unit
        Locator durationAxis = page.locator("#analytics-durations svg text");
        assertThat(durationAxis.filter(text("Длительность"))).hasCount(1);
        assertThat(durationAxis.filter(text("Окончание этапа"))).hasCount(1);
        assertThat(durationAxis.filter(
                        new Locator.FilterOptions().setHasText(Pattern.compile("^[\\d\\s\u00a0\u202f,]+ (мс|с)$"))))
                .not()
                .hasCount(0);
        assertThat(page.locator("#analytics-traffic svg text")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Доля$"))))
                .hasCount(1);
        screenshot(page, "analytics-ru");
    }

    @Test
    void aRefusedCustomRangeKeepsWhatWasTypedAndSaysWhy() {
        Page page = signInAs("analyst", link(null));
        String url = page.url();
        Locator toDate = page.locator("#analytics-to input").first();
        String typed = java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")
                .format(minute.minus(Duration.ofDays(2)).atZone(java.time.ZoneId.systemDefault()));

        toDate.fill(typed);
        toDate.press("Enter");
        page.locator("#analytics-apply").click();

        assertThat(page.locator("#analytics-to > [slot='error-message']")).hasText("The end must be after the start.");
        assertThat(toDate).hasValue(typed);
        assertThat(page.url()).as("nothing was shown for the refused range").isEqualTo(url);
    }

    @Test
    void supportIsRefused() {
        Page page = signInAs("support", "/analytics");

        assertThat(page.locator("#no-access")).isVisible();
        assertThat(page.locator("#analytics")).hasCount(0);
    }

    private String link(Instant at) {
        String query = "range=custom&from=" + minute.minus(Duration.ofMinutes(30)) + "&to="
                + minute.plus(Duration.ofMinutes(30)) + "&stage=" + STAGE;
        return "/analytics?" + query + (at == null ? "" : "&at=" + at);
    }

    /** The nearest-rank percentile of the test rows as the histogram reports it: its bucket's value. */
    private static double percentile(double p) {
        long rank = (long) Math.ceil(p * MILLIS.length);
        List<Long> sorted = java.util.Arrays.stream(MILLIS).sorted().boxed().toList();
        return LogBuckets.representative(LogBuckets.bucketOf(sorted.get((int) rank - 1) * 1000));
    }

    private static String seconds(double micros) {
        return String.format(Locale.US, "%.2f s", micros / 1e6);
    }

    private static String millis(double micros) {
        return String.format(Locale.US, "%.0f ms", micros / 1e3);
    }

    private static Locator cells(Page page, String grid) {
        return page.locator(grid + " vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
    }

    private static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
