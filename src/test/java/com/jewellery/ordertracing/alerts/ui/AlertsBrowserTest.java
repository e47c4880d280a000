package com.jewellery.ordertracing.alerts.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The alerts page: admins edit rules with clear errors that keep what they typed; support only reads. */
class AlertsBrowserTest extends BrowserTestBase {

    private final String name = "BT rule " + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void deleteRule() {
        jdbc.update("DELETE FROM alert_rule WHERE name = ?", name);
    }

    @Test
    void anAdminFixesARefusedRuleWithoutRetypingIt() {
        Page page = signInAs("admin", "/alerts");
        page.locator("#alert-rule-new").click();
        page.locator("#alert-rule-name input").fill(name);
        page.locator("#alert-rule-kind").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Error rate over a percentage"))
                .click();
        page.locator("#alert-rule-threshold input").fill("150");
        page.locator("#alert-rule-window input").fill("15");

        page.locator("#alert-rule-save").click();

        assertThat(page.locator("#alert-rule-threshold")).containsText("percentage above 0 and below 100");
        assertThat(page.locator("#alert-rule-name input")).hasValue(name);
        assertThat(page.locator("#alert-rule-window input")).hasValue("15");
        screenshot(page, "alert-rule-refused");

        page.locator("#alert-rule-threshold input").fill("7.5");
        page.locator("#alert-rule-save").click();

        assertThat(page.locator("#alert-rules vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(name)))
                .hasCount(1);
        assertThat(page.locator("#alert-rule-form")).isHidden();
        screenshot(page, "alerts-admin");
    }

    @Test
    void supportReadsAlertsButCannotEditRules() {
        Page page = signInAs("support", "/alerts");

        assertThat(page.locator("#alert-history")).isVisible();
        assertThat(page.locator("#alert-rules")).isVisible();
        assertThat(page.locator("#alert-rule-new")).hasCount(0);
    }
}
