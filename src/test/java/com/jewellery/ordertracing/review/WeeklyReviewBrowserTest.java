package com.jewellery.ordertracing.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
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

/**
 * The review page in Chromium: an analyst opens a week, sees its charts, writes commentary, downloads a table's CSV and the
 * PDF (its text holds the commentary); a
 * second editor saving over it is told who changed it and keeps the text; support reads and cannot comment.
 */
class WeeklyReviewBrowserTest extends BrowserTestBase {

    /** A week of 2003: no other test keeps rows there (WeeklyReviewIT uses W20 and W30). */
    private static final IsoWeek WEEK = IsoWeek.parse("2003-W21").orElseThrow();

    @Autowired
    private ReviewGenerator generator;

    @Autowired
    private JdbcTemplate jdbc;

    private JourneyRows rows;

    @BeforeEach
    void generateTheWeek() {
        rows = new JourneyRows(
                jdbc, "ORD-RB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT) + "-");
        forget();
        Instant monday = WEEK.start(ZoneId.of("Europe/Moscow"));
        for (int i = 0; i < 3; i++) {
            rows.insert(rows.completed(
                    "C" + i, monday.plusSeconds(3600L * (i + 1)), monday.plusSeconds(3600L * (i + 1) + 60)));
        }
        // one hour of one stage this week and the week before: the charts have something to draw
        rollup(monday.plusSeconds(3600), 2_000);
        rollup(WEEK.minus(1).start(ZoneId.of("Europe/Moscow")).plusSeconds(3600), 1_000);
        generator.generateIfAbsent(WEEK).orElseThrow();
    }

    private void rollup(Instant hour, long micros) {
        int bucket = LogBuckets.bucketOf(micros);
        jdbc.update(
                "INSERT INTO stage_rollup_hour (stage_id, bucket_start, counts, orders, errors, sla_ok) VALUES "
                        + "('shop.create', ?, CAST(? AS integer[]), 3, 0, 3)",
                Timestamp.from(hour),
                "[" + bucket + ":" + bucket + "]={3}");
    }

    @AfterEach
    void forget() {
        rows.deleteAll();
        jdbc.update("DELETE FROM weekly_review WHERE week = ?", WEEK.toString());
        jdbc.update("DELETE FROM weekly_review_comment WHERE week = ?", WEEK.toString());
        jdbc.update(
                "DELETE FROM stage_rollup_hour WHERE bucket_start >= ? AND bucket_start < ?",
                Timestamp.from(WEEK.minus(1).start(ZoneId.of("Europe/Moscow"))),
                Timestamp.from(WEEK.end(ZoneId.of("Europe/Moscow"))));
    }

    @Test
    void anAnalystCommentsAndDownloadsTheCsvSupportOnlyReads() throws Exception {
        Page page = signInAs("analyst", "/review/" + WEEK);
        assertThat(page.locator("#review-week")).containsText(WEEK.toString());
        assertThat(page.locator("#review-orders-table")).containsText("3 (100.00 %)");
        // the charts, drawn by our echarts component: this week's bars beside last week's, and the trend
        assertThat(page.locator("#review-chart-stages svg")).isVisible();
        assertThat(page.locator("#review-chart-stages")).containsText("the week before");
        assertThat(page.locator("#review-chart-trend svg")).isVisible();
        // stages by their names in the reader's language, not their ids
        assertThat(page.locator("#review-chart-trend")).containsText("Shop: order created");
        assertThat(page.locator("#review-stages-table")).containsText("Shop: order created");

        page.locator("#review-stages-comment textarea").fill("Pricing slower after the release");
        page.locator("#review-stages-comment-save").click();
        assertThat(page.locator("#review-stages-comment-status")).containsText("analyst");
        screenshot(page, "review-analyst");

        Download download =
                page.waitForDownload(() -> page.locator("#review-orders-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("weekly-review-" + WEEK + "-orders.csv");
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        assertThat(csv).contains("\n" + WEEK + ",3,3,0,0,0,1.0,0.0,0.0,0.0\r\n");

        Download pdf = page.waitForDownload(() -> page.locator("#review-pdf").click());
        assertThat(pdf.suggestedFilename()).isEqualTo("weekly-review-" + WEEK + ".pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Week " + WEEK, "Pricing slower after the release", "3 (100.00 %)");
        }

        Page support = signInAs("support", "/review/" + WEEK);
        assertThat(support.locator("#review-stages-comment-text")).containsText("Pricing slower after the release");
        assertThat(support.locator("#review-stages-comment")).hasCount(0);
        assertThat(support.locator("#review-stages-comment-save")).hasCount(0);

        // a week that cannot be is said to be none, not answered with the latest week's figures
        support.navigate(PORTAL + "/review/2026-W99");
        assertThat(support.locator("#review-not-a-week")).containsText("“2026-W99” is not a week");
        assertThat(support.locator("#review-week")).hasCount(0);
        assertThat(support.locator("#review-weeks")).containsText(WEEK.toString());
    }

    @Test
    void theSecondOfTwoEditorsIsToldWhoChangedItAndKeepsTheText() {
        Page analyst = signInAs("analyst", "/review/" + WEEK);
        Page admin = signInAs("admin", "/review/" + WEEK, "ru-RU");
        analyst.locator("#review-summary-comment textarea").fill("first");
        analyst.locator("#review-summary-comment-save").click();
        assertThat(analyst.locator("#review-summary-comment-status")).containsText("analyst");

        admin.locator("#review-summary-comment textarea").fill("второй");
        admin.locator("#review-summary-comment-save").click();
        assertThat(admin.locator("#review-summary-comment")).containsText("Изменено пользователем analyst");
        assertThat(admin.locator("#review-summary-comment textarea")).hasValue("второй");
        screenshot(admin, "review-conflict-ru");

        admin.locator("#review-summary-comment-save").click();
        assertThat(admin.locator("#review-summary-comment-status")).containsText("admin");
        assertThat(jdbc.queryForObject(
                        "SELECT text FROM weekly_review_comment WHERE week = ? AND section = 'SUMMARY'",
                        String.class,
                        WEEK.toString()))
                .isEqualTo("второй");
    }
}
