package com.jewellery.ordertracing.grafana;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Asks Grafana's {@code /api/health} whether it answers. The page shows a placeholder instead of frames that
 * would stay blank, and the status page a row.
 */
public class GrafanaProbe {

    private final GrafanaProperties properties;
    private final PanelLinks links;
    private final HttpClient http;

    public GrafanaProbe(GrafanaProperties properties) {
        this.properties = properties;
        this.links = new PanelLinks(properties);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Empty when Grafana answered its health check; otherwise what went wrong, for whoever fixes it. */
    public Optional<String> problem() {
        if (!properties.configured()) {
            return Optional.of("not configured (portal.grafana.base-url is empty)");
        }
        String address = links.health();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(address))
                            .timeout(properties.timeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200
                    ? Optional.empty()
                    : Optional.of(address + " answered HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(address + ": interrupted");
        } catch (Exception e) {
            return Optional.of(
                    address + " did not answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
