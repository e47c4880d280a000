package com.jewellery.ordertracing.grafana;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The address of one panel alone ({@code /d-solo/<uid>/<slug>?panelId=}), with the portal's time range (epoch
 * milliseconds, as Grafana's {@code from}/{@code to} take them), stage, theme and time zone, so the panel shows
 * what the page around it shows.
 */
public final class PanelLinks {

    private final GrafanaProperties properties;

    public PanelLinks(GrafanaProperties properties) {
        this.properties = properties;
    }

    public String panel(int panelId, Instant from, Instant to, String stage, ZoneId zone) {
        return properties.baseUrl() + "/d-solo/" + encode(properties.dashboardUid()) + "/"
                + encode(properties.dashboardSlug())
                + "?orgId=1&panelId=" + panelId
                + "&from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli()
                + "&var-stage=" + encode(stage)
                + "&theme=" + encode(properties.theme())
                + "&timezone=" + encode(zone.getId());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
