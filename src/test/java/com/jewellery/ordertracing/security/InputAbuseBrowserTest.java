package com.jewellery.ordertracing.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.alerts.AlertRule;
import com.jewellery.ordertracing.alerts.AlertRuleInput;
import com.jewellery.ordertracing.alerts.AlertRuleKind;
import com.jewellery.ordertracing.alerts.AlertService;
import com.jewellery.ordertracing.alerts.InvalidAlertRuleException;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.CallerContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Hostile input in the inputs that exist: script payloads render as text and never run, SQL metacharacters are
 * plain characters, oversized input is refused with a message and nothing is half-saved. Every test also fails
 * on a CSP refusal, so a payload the policy had to stop would show up as well as one that ran.
 */
class InputAbuseBrowserTest extends BrowserTestBase {

    private static final String SCRIPT = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";

    @Autowired
    AlertService alerts;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                SCRIPT,
                "ORD-1' OR '1'='1",
                "ORD-1; DROP TABLE order_journey; --",
                "ORD-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void aHostileOrderIdIsRefusedWithAMessageKeptAndInert(String typed) {
        Page page = signInAs("support", "/orders");

        page.locator("#order-search input").fill(typed);
        page.locator("#order-search-button").click();

        assertThat(page.locator("#order-search")).hasAttribute("invalid", "");
        assertThat(page.locator("#order-search input")).hasValue(typed);
        assertThat(page.evaluate(
                        "() => window.pwned === undefined && document.querySelectorAll('img[src=x]').length === 0"))
                .isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT to_regclass('order_journey') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void aRuleNamedWithScriptAndSqlIsStoredAndShownAsPlainText() {
        // within the 100 characters a rule name may have
        String name = "<img src=x onerror=\"window.pwned=1\">'; DROP TABLE alert_rule; -- "
                + UUID.randomUUID().toString().substring(0, 6);
        AlertRule rule = asAdmin(() -> alerts.saveRule(
                null, new AlertRuleInput(name, AlertRuleKind.CRITICAL_ERROR, "crm.process", null, 30, false)));
        try {
            Page page = signInAs("admin", "/alerts");

            assertThat(page.locator(
                            "#alert-rules vaadin-grid-cell-content",
                            new Page.LocatorOptions().setHasText("DROP TABLE alert_rule")))
                    .hasCount(1);
            assertThat(page.evaluate(
                            "() => window.pwned === undefined && document.querySelectorAll('img[src=x]').length === 0"))
                    .isEqualTo(true);
            assertThat(jdbc.queryForObject("SELECT name FROM alert_rule WHERE id = ?", String.class, rule.id()))
                    .isEqualTo(name);
        } finally {
            asAdmin(() -> {
                alerts.deleteRule(rule.id());
                return null;
            });
        }
    }

    @Test
    void anOversizedRuleNameIsRefusedAndNothingIsSaved() {
        String name = "X".repeat(10_000);
        Integer before = jdbc.queryForObject("SELECT count(*) FROM alert_rule", Integer.class);

        assertThatThrownBy(() -> asAdmin(() -> alerts.saveRule(
                        null, new AlertRuleInput(name, AlertRuleKind.CRITICAL_ERROR, null, null, 30, true))))
                .isInstanceOf(InvalidAlertRuleException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rule", Integer.class))
                .isEqualTo(before);
    }

    private <T> T asAdmin(Supplier<T> action) {
        return CallerContext.as(new TestingAuthenticationToken("admin", null, "ROLE_" + Roles.ADMIN), action);
    }
}
