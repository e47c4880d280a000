package com.jewellery.ordertracing.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.review.WeeklyReviewService;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.CallerContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Issue 14's input abuse for the lost-orders filters and the weekly review's commentary, beside
 * {@link InputAbuseBrowserTest}: script payloads are shown as text and never run (in data the page shows and in
 * what is typed), SQL metacharacters are plain characters (LIKE's {@code _} included), oversized or unstorable
 * input is refused with a message, kept in the field, and nothing of it is saved.
 */
class FilterAndCommentaryAbuseBrowserTest extends BrowserTestBase {

    private static final String SCRIPT = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";
    private static final String INERT =
            "() => window.pwned === undefined && document.querySelectorAll('img[src=x]').length === 0";

    /** A week of 2004: no other test keeps review rows there. */
    private static final IsoWeek WEEK = IsoWeek.parse("2004-W07").orElseThrow();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private WeeklyReviewService reviews;

    private JourneyRows rows;

    @BeforeEach
    void insertOrders() {
        rows = new JourneyRows(
                jdbc, "ORD-AB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT) + "-");
        forget();
        Instant now = Instant.now();
        rows.insert(
                rows.open("STUCK", now.minus(Duration.ofMinutes(3)), "crm.process", now.minus(Duration.ofMinutes(2))));
        rows.insert(rows.failed(
                "FAILED", now.minus(Duration.ofMinutes(1)), "mes.price", now.minusSeconds(30), "price " + SCRIPT));
    }

    @AfterEach
    void forget() {
        if (rows != null) {
            rows.deleteAll();
        }
        jdbc.update("DELETE FROM weekly_review WHERE week = ?", WEEK.toString());
        jdbc.update("DELETE FROM weekly_review_comment WHERE week = ?", WEEK.toString());
    }

    @Test
    void hostileOrderIdFiltersAreRefusedKeptAndLeaveTheListAsItWas() {
        Page page = signInAs("support", "/lost");
        Locator field = page.locator("#lost-filter-order");
        Locator input = page.locator("#lost-filter-order input");
        Locator cells = page.locator("#lost-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true));
        input.fill(rows.id(""));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("STUCK"))))
                .hasCount(1);
        // the error text with its markup, as text
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("onerror=")))
                .hasCount(1);
        assertThat(page.evaluate(INERT)).isEqualTo(true);

        for (String typed : List.of(
                SCRIPT,
                rows.id("") + "' OR '1'='1",
                rows.id("") + "%",
                rows.id("") + "; DROP TABLE order_journey; --",
                rows.id("") + "A".repeat(100))) {
            input.fill(typed);

            assertThat(field).hasAttribute("invalid", "");
            assertThat(field).containsText("at most 64 characters");
            assertThat(input).hasValue(typed);
            // the list still filtered by the last accepted text
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("STUCK"))))
                    .hasCount(1);
            assertThat(page.evaluate(INERT)).isEqualTo(true);
        }

        // "_" is LIKE's one-character wildcard; as a typed character it only matches itself
        input.fill(rows.id("").replace('-', '_'));
        assertThat(field).not().hasAttribute("invalid", "");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("STUCK"))))
                .hasCount(0);
        input.fill(rows.id("FAIL"));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rows.id("FAILED"))))
                .hasCount(1);
        assertThat(jdbc.queryForObject("SELECT to_regclass('order_journey') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void commentaryWithScriptAndSqlIsStoredShownAndExportedAsPlainText() throws Exception {
        generateTheWeek();
        String text = SCRIPT + "\n'; DROP TABLE weekly_review_comment; --";
        Page analyst = signInAs("analyst", "/review/" + WEEK);

        analyst.locator("#review-summary-comment textarea").fill(text);
        analyst.locator("#review-summary-comment-save").click();

        assertThat(analyst.locator("#review-summary-comment-status")).containsText("analyst");
        assertThat(stored("SUMMARY")).containsExactly(text);
        Download pdf =
                analyst.waitForDownload(() -> analyst.locator("#review-pdf").click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("<img src=x onerror=\"window.pwned=1\">", "DROP TABLE weekly_review_comment");
        }
        assertThat(analyst.evaluate(INERT)).isEqualTo(true);

        Page support = signInAs("support", "/review/" + WEEK);
        assertThat(support.locator("#review-summary-comment-text")).containsText("<script>window.pwned=1</script>");
        assertThat(support.evaluate(INERT)).isEqualTo(true);
    }

    @Test
    void oversizedOrUnstorableCommentaryIsRefusedWithAMessageKeptAndNothingSaved() {
        generateTheWeek();
        Page analyst = signInAs("analyst", "/review/" + WEEK);
        Locator area = analyst.locator("#review-stages-comment");
        Locator textarea = analyst.locator("#review-stages-comment textarea");
        Integer audited = audited();

        String oversized = "x".repeat(WeeklyReviewService.MAX_COMMENT + 1);
        textarea.fill(oversized);
        analyst.locator("#review-stages-comment-save").click();
        assertThat(area).hasAttribute("invalid", "");
        assertThat(area).containsText("at most 20000 characters");
        assertThat(textarea.evaluate("t => t.value.length")).isEqualTo(oversized.length());
        assertThat(stored("STAGES")).isEmpty();

        String control = "pasted \u0007 from a terminal";
        // as a paste would put it there: typing cannot enter a control character
        textarea.evaluate(
                "(t, v) => { t.value = v; t.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " t.dispatchEvent(new Event('change', {bubbles: true})); }",
                control);
        analyst.locator("#review-stages-comment-save").click();
        assertThat(area).containsText("control characters");
        assertThat(textarea).hasValue(control);
        assertThat(stored("STAGES")).isEmpty();
        assertThat(audited()).as("no audit entry for a refused save").isEqualTo(audited);

        textarea.fill("fine now");
        analyst.locator("#review-stages-comment-save").click();
        assertThat(analyst.locator("#review-stages-comment-status")).containsText("analyst");
        assertThat(area).not().hasAttribute("invalid", "");
        assertThat(stored("STAGES")).containsExactly("fine now");
    }

    private void generateTheWeek() {
        Instant monday = WEEK.start(ZoneId.of("Europe/Moscow"));
        rows.insert(rows.completed("C1", monday.plusSeconds(3600), monday.plusSeconds(3660)));
        CallerContext.as(
                new TestingAuthenticationToken("admin", null, "ROLE_" + Roles.ADMINISTRATION),
                () -> reviews.regenerate(WEEK));
    }

    private List<String> stored(String section) {
        return jdbc.queryForList(
                "SELECT text FROM weekly_review_comment WHERE week = ? AND section = ?",
                String.class,
                WEEK.toString(),
                section);
    }

    private Integer audited() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE detail LIKE ?", Integer.class, WEEK + " %commentary%");
    }
}
