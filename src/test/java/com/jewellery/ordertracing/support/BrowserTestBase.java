package com.jewellery.ordertracing.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Drives Debian's Chromium against the running portal, signing in through Keycloak's real login page.
 * Each test gets a fresh browser context, so no session leaks from one test into the next. Every test
 * fails when the browser refused something under the portal's Content-Security-Policy: a policy that
 * blocks part of Vaadin breaks the UI silently otherwise.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestBase {

    protected static final String PORTAL = TestPortal.BASE;
    protected static final String PASSWORD = "secret";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private Playwright playwright;
    private Browser browser;
    /** Every context a test opened (a test may play two people at once); all closed after it. */
    private final List<BrowserContext> contexts = new ArrayList<>();

    private final List<String> cspViolations = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setEnv(browserEnvironment())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /**
     * The browser's HOME is the one bin/stack made with an NSS trust store holding the local CA, so Chromium
     * trusts the stack's HTTPS as a company-managed browser would, without any ignore-certificate flag.
     */
    private static Map<String, String> browserEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        Path tls = LocalTls.DIR;
        if (java.nio.file.Files.isDirectory(tls.resolve("home/.pki/nssdb"))) {
            environment.put("HOME", tls.resolve("home").toString());
        }
        return environment;
    }

    @AfterEach
    void closeContext() {
        try {
            assertThat(cspViolations)
                    .as("refused by the Content-Security-Policy")
                    .isEmpty();
        } finally {
            cspViolations.clear();
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }

    /** The CSP refusals the browser reported so far; a test that provokes one on purpose takes them here. */
    protected List<String> takeCspViolations() {
        List<String> taken = List.copyOf(cspViolations);
        cspViolations.clear();
        return taken;
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    /** A new browser page whose browser announces the given language. */
    protected Page newPage(String browserLocale) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale(browserLocale).setViewportSize(1400, 900));
        context.setDefaultTimeout(30_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        return page;
    }

    /** Opens the portal at {@code path}, signs in on Keycloak's page, and waits for the portal's menu. */
    protected Page signInAs(String username, String path) {
        return signInAs(username, path, "en-US");
    }

    /** The same, in a browser that announces {@code browserLocale}. */
    protected Page signInAs(String username, String path, String browserLocale) {
        Page page = newPage(browserLocale);
        page.navigate(PORTAL + path);
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        page.locator("#main-menu").waitFor();
        return page;
    }

    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
