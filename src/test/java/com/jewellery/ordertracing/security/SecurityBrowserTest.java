package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Content-Security-Policy and the session as a real browser meets them. */
class SecurityBrowserTest extends BrowserTestBase {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @Test
    void theBootstrapScriptsCarryTheResponsesNonceAndTheUiWorksUnderThePolicy() {
        Page page = signInAs("developer", "/");
        Response document = page.reload();

        String policy = document.headerValue("content-security-policy");
        assertThat(policy)
                .as("CSP of the page; its headers: %s", document.allHeaders())
                .isNotNull();
        Matcher nonce = NONCE.matcher(policy);
        assertThat(nonce.find()).isTrue();
        page.locator("#main-menu").waitFor();
        @SuppressWarnings("unchecked")
        List<String> scriptNonces = (List<String>)
                page.evaluate(
                        "() => Array.from(document.querySelectorAll('script')).filter(s => !s.src || s.src.startsWith(location.origin)).map(s => s.nonce)");
        assertThat(scriptNonces).isNotEmpty().allMatch(nonce.group(1)::equals);
        // a round trip to the server after start: the client engine runs under the policy
        page.locator("#main-menu vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Order lookup"))
                .click();
        page.locator("#order-lookup").waitFor();
    }

    @Test
    void anInjectedInlineHandlerDoesNotRun() {
        Page page = signInAs("support", "/");

        page.evaluate("() => document.body.insertAdjacentHTML('beforeend', "
                + "'<img id=\"xss\" src=\"data:,\" onerror=\"window.injected = true\">"
                + "<scr' + 'ipt>window.injected = true</scr' + 'ipt>')");
        page.waitForTimeout(500);

        assertThat(page.evaluate("() => window.injected === true")).isEqualTo(false);
        assertThat(takeCspViolations()).isNotEmpty().allMatch(text -> text.contains("Content Security Policy"));
    }

    @Test
    void signingInGivesANewSessionIdSoAPlantedOneIsWorthless() {
        Page page = newPage("en-US");
        page.navigate(PORTAL + "/");
        page.locator("#username").waitFor();
        String before = sessionId(page.context()).orElseThrow();

        page.locator("#username").fill("analyst");
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        page.locator("#main-menu").waitFor();

        String after = sessionId(page.context()).orElseThrow();
        assertThat(after).isNotEqualTo(before);
    }

    private static Optional<String> sessionId(BrowserContext context) {
        return context.cookies(PORTAL).stream()
                .filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map(cookie -> cookie.value)
                .findFirst();
    }
}
