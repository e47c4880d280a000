package com.jewellery.ordertracing.grafana;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Grafana panels on the analytics page (decision 0007).
 *
 * @param baseUrl      Grafana's address as the browser reaches it, e.g. {@code https://portal.example.com/grafana};
 *                     empty (the default) means Grafana is not configured and the page says so
 * @param dashboardUid the provisioned dashboard's uid (stack/grafana/dashboards)
 * @param dashboardSlug the dashboard's slug in the panel URLs
 * @param theme        Grafana theme of the panels ({@code light} like the portal, or {@code dark})
 * @param timeout      how long the probe of Grafana's health endpoint may take
 * @param panels       the panels shown, in order
 * @param probeUrl     where the portal's server reaches Grafana for the probe, when not at {@code baseUrl}
 *                     (e.g. inside docker compose, where the browser's address is not the server's); empty: baseUrl
 * @param probeCache   how long one probe's answer stands for the page and the status row (default 15 s; 0: probe
 *                     every time), so opening pages does not send a request to Grafana each
 */
@ConfigurationProperties("portal.grafana")
public record GrafanaProperties(
        String baseUrl,
        String dashboardUid,
        String dashboardSlug,
        String theme,
        Duration timeout,
        List<Panel> panels,
        String probeUrl,
        Duration probeCache) {

    public GrafanaProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        dashboardUid = dashboardUid == null || dashboardUid.isBlank() ? "portal-stages" : dashboardUid;
        dashboardSlug = dashboardSlug == null || dashboardSlug.isBlank() ? "order-stages" : dashboardSlug;
        theme = theme == null || theme.isBlank() ? "light" : theme;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        panels = panels == null ? List.of() : List.copyOf(panels);
        probeUrl = probeUrl == null || probeUrl.isBlank()
                ? baseUrl
                : probeUrl.strip().replaceAll("/+$", "");
        probeCache = probeCache == null || probeCache.isNegative() ? Duration.ofSeconds(15) : probeCache;
    }

    public boolean configured() {
        return !baseUrl.isEmpty();
    }

    /**
     * One embedded panel.
     *
     * @param id      the panel's id in the dashboard JSON
     * @param titleEn its title in English
     * @param titleRu its title in Russian
     */
    public record Panel(int id, String titleEn, String titleRu) {

        public String title(Locale locale) {
            return "ru".equals(locale.getLanguage()) && titleRu != null ? titleRu : titleEn;
        }
    }
}
