package com.jewellery.ordertracing.index.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator queues a re-read of a time range; bad ranges are explained and keep what was typed. */
class ReindexBrowserTest extends BrowserTestBase {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void forgetRequests() {
        jdbc.update("DELETE FROM indexer_backfill WHERE requested_by = 'admin'");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedAndAValidOneIsQueued() {
        Page page = signInAs("admin", "/reindex");
        assertThat(page).hasTitle("Re-index");
        LocalDateTime yesterday = LocalDateTime.now().minusDays(1);
        enter(page, "#reindex-from", yesterday.withHour(10));
        enter(page, "#reindex-to", yesterday.withHour(9));

        page.locator("#reindex-queue").click();

        assertThat(page.locator("#reindex-to")).containsText("The end must be after the start.");
        assertThat(page.locator("#reindex-from input").first()).hasValue(DATE.format(yesterday));
        assertThat(page.locator(
                        "#reindex-requests vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("admin,")))
                .hasCount(0);

        enter(page, "#reindex-to", yesterday.withHour(11));
        page.locator("#reindex-queue").click();

        assertThat(page.locator("vaadin-notification-card")).containsText("Queued as request");
        assertThat(page.locator(
                        "#reindex-requests vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("admin,")))
                .hasCount(1);
        screenshot(page, "reindex");
    }

    @Test
    void supportMayNotOpenIt() {
        Page page = signInAs("support", "/reindex");

        assertThat(page.locator("#no-access")).isVisible();
        assertThat(page.locator("#reindex")).hasCount(0);
    }

    /** Types into the picker's date field, then its time field, as a user would. */
    private static void enter(Page page, String picker, LocalDateTime value) {
        Locator date = page.locator(picker + " input").nth(0);
        Locator time = page.locator(picker + " input").nth(1);
        date.fill(DATE.format(value));
        date.press("Enter");
        time.fill(String.format("%02d:00", value.getHour()));
        time.press("Enter");
    }
}
