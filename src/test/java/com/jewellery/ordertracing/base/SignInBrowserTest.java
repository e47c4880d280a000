package com.jewellery.ordertracing.base;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign-in through Keycloak as each role, the role-scoped menu, refusals, sign-out and the language switch. */
class SignInBrowserTest extends BrowserTestBase {

    static Stream<Arguments> menuPerRole() {
        return Stream.of(
                Arguments.of(
                        "support",
                        List.of(
                                "System status",
                                "Order lookup",
                                "Lost orders",
                                "Incidents",
                                "Alerts",
                                "Weekly review")),
                Arguments.of(
                        "developer",
                        List.of(
                                "System status",
                                "Order lookup",
                                "Lost orders",
                                "Incidents",
                                "Alerts",
                                "Latency analytics",
                                "Weekly review")),
                Arguments.of(
                        "analyst",
                        List.of("System status", "Lost orders", "Incidents", "Latency analytics", "Weekly review")),
                Arguments.of(
                        "admin",
                        List.of(
                                "System status",
                                "Order lookup",
                                "Lost orders",
                                "Incidents",
                                "Alerts",
                                "Latency analytics",
                                "Weekly review",
                                "Re-index",
                                "Audit log")));
    }

    @ParameterizedTest
    @MethodSource("menuPerRole")
    void eachRoleSeesExactlyItsMenu(String username, List<String> expectedMenu) {
        Page page = signInAs(username, "/");

        assertThat(page.locator("#current-user")).isVisible();
        assertThat(page.locator("#main-menu vaadin-side-nav-item")).hasCount(expectedMenu.size());
        assertThat(page.locator("#main-menu vaadin-side-nav-item").allInnerTexts())
                .map(String::trim)
                .containsExactlyElementsOf(expectedMenu);
        // a support agent's first question is an order: they land on the lookup, everyone else on the status
        assertThat(page.locator(username.equals("support") ? "#order-lookup" : "#system-status"))
                .isVisible();
        screenshot(page, "menu-" + username);
    }

    @Test
    void aForbiddenViewIsRefusedByDirectUrlAndAudited() {
        Page page = signInAs("support", "/audit");

        assertThat(page.locator("#no-access")).containsText("No access");
        assertThat(page.locator("#audit-log")).hasCount(0);
        screenshot(page, "no-access-support");

        Page admin = signInAs("admin", "/audit");
        assertThat(admin.locator("#audit-log vaadin-grid")).isVisible();
        assertThat(admin.locator("#audit-log vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("/audit")))
                .not()
                .hasCount(0);
        // newest first, a row's cells in order (when, user, event, detail): the admin's sign-in, then the refusal
        List<String> cells =
                admin.locator("#audit-log vaadin-grid-cell-content").allTextContents();
        int refusal = rowStart(cells, "support", "Access denied", "/audit");
        int adminSignIn = rowStart(cells, "admin", "Sign-in", "");
        org.assertj.core.api.Assertions.assertThat(refusal)
                .as("support refused /audit")
                .isNotNegative();
        org.assertj.core.api.Assertions.assertThat(adminSignIn)
                .as("admin signed in")
                .isNotNegative()
                .isLessThan(refusal);
        screenshot(admin, "audit-log");
    }

    @Test
    void signOutEndsThePortalAndTheKeycloakSession() {
        Page page = signInAs("analyst", "/");

        page.locator("#sign-out").click();

        page.locator("#kc-login").waitFor();
        page.navigate(PORTAL + "/");
        assertThat(page.locator("#kc-login")).isVisible(); // Keycloak asks for the password again
    }

    @Test
    void theLanguageSwitchTranslatesTheUiAndIsRemembered() {
        Page page = signInAs("developer", "/");
        assertThat(page.locator("#system-status h2")).hasText("System status");

        page.locator("#language").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Русский"))
                .click();

        assertThat(page.locator("#system-status h2")).hasText("Состояние системы");
        assertThat(page.locator("#sign-out")).hasText("Выйти");
        page.reload();
        assertThat(page.locator("#main-menu vaadin-side-nav-item").first()).containsText("Состояние системы");
        screenshot(page, "status-ru");
    }

    @Test
    void aRussianBrowserGetsRussianWithoutChoosing() {
        Page page = newPage("ru-RU");
        page.navigate(PORTAL + "/status");
        page.locator("#username").fill("support");
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();

        assertThat(page.locator("#system-status h2")).hasText("Состояние системы");
        assertThat(page).hasTitle("Портал отслеживания заказов");
        // what the checks found out is in Russian too, not only the labels around it
        assertThat(page.locator(
                        "#system-status vaadin-grid-cell-content",
                        new Page.LocatorOptions().setHasText(Pattern.compile("успешного прохода|успешный проход"))))
                .hasCount(1);
    }

    /** Where the first row with these user, event and detail cells starts, or -1. */
    private static int rowStart(List<String> cells, String user, String event, String detailPrefix) {
        for (int i = 0; i + 2 < cells.size(); i++) {
            if (cells.get(i).equals(user)
                    && cells.get(i + 1).equals(event)
                    && cells.get(i + 2).startsWith(detailPrefix)) {
                return i;
            }
        }
        return -1;
    }
}
