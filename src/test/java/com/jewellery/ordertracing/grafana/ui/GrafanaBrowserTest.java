package com.jewellery.ordertracing.grafana.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.LocalTls;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics page's Grafana panels in Chromium, against a small HTTP server standing in for Grafana at the
 * configured base URL (application-it.yml): it records every request. The analyst's page asks for exactly the
 * configured /d-solo/ panels with the page's range and stage; support gets neither the page nor a frame; with
 * the stand-in down the page says Grafana does not answer.
 */
class GrafanaBrowserTest extends BrowserTestBase {

    private static final int PORT = 18097;
    private static final String STAGE = "mes.price";
    private static final List<Integer> PANELS = List.of(1, 2, 4, 5);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Instant from = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    private final Instant to = from.plus(Duration.ofHours(1));
    private com.sun.net.httpserver.HttpsServer standIn;

    @AfterEach
    void stopStandIn() {
        if (standIn != null) {
            standIn.stop(0);
            standIn = null;
        }
    }

    @Test
    void theAnalystsPageRequestsExactlyTheConfiguredPanelsWithItsRangeAndStage() throws Exception {
        startStandIn();
        Page page = signInAs("analyst", link());

        assertThat(page.locator("#grafana-panels iframe.grafana-panel")).hasCount(PANELS.size());
        assertThat(page.locator("#grafana-placeholder")).hasCount(0);
        String zone = ZoneId.systemDefault().getId().replace("/", "%2F");
        List<String> expected = PANELS.stream()
                .map(id -> "GET /grafana/d-solo/portal-stages/order-stages?orgId=1&panelId=" + id
                        + "&from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli() + "&var-stage=" + STAGE
                        + "&theme=light&timezone=" + zone)
                .toList();
        // the frames load lazily, as the analyst scrolls to them
        for (int i = 0; i < PANELS.size(); i++) {
            page.locator("iframe.grafana-panel").nth(i).scrollIntoViewIfNeeded();
        }
        page.waitForCondition(() -> panelRequests().size() >= PANELS.size());
        assertThat(panelRequests()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(requests).as("the portal probed the health endpoint").contains("GET /grafana/api/health");
        assertThat(page.frameLocator("iframe.grafana-panel >> nth=0").locator("#stand-in"))
                .containsText("panel");
        screenshot(page, "grafana-panels-analyst");
    }

    @Test
    void supportGetsNeitherThePageNorAFrame() throws Exception {
        startStandIn();
        Page page = signInAs("support", link());

        assertThat(page.locator("#no-access")).isVisible();
        assertThat(page.locator("iframe")).hasCount(0);
        page.waitForTimeout(1_000);
        assertThat(panelRequests()).isEmpty();
    }

    @Test
    void withGrafanaDownThePageSaysSoInTheReadersLanguage() {
        Page page = signInAs("analyst", link());

        assertThat(page.locator("#grafana-placeholder"))
                .containsText("Grafana does not answer at the configured address");
        assertThat(page.locator("#grafana-placeholder")).hasAttribute("data-reason", "NOT_ANSWERING");
        assertThat(page.locator("iframe")).hasCount(0);
        screenshot(page, "grafana-down");

        page.locator("#language").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Русский"))
                .click();
        assertThat(page.locator("#grafana-placeholder")).containsText("Grafana не отвечает");
    }

    private List<String> panelRequests() {
        return requests.stream().filter(request -> request.contains("/d-solo/")).toList();
    }

    private String link() {
        return "/analytics?range=custom&from=" + from + "&to=" + to + "&stage=" + STAGE;
    }

    private void startStandIn() throws IOException {
        standIn = LocalTls.server(PORT);
        standIn.createContext("/", exchange -> {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()));
            boolean health = exchange.getRequestURI().getPath().equals("/grafana/api/health");
            byte[] body = (health
                            ? "{\"database\":\"ok\",\"version\":\"stand-in\"}"
                            : "<!doctype html><html><body><p id=\"stand-in\">Stand-in panel</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", health ? "application/json" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        standIn.start();
    }
}
