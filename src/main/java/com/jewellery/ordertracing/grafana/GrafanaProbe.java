package com.jewellery.ordertracing.grafana;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks Grafana's {@code /api/health} whether it answers. The page shows a placeholder instead of frames that
 * would stay blank, and the status page a row. One answer stands for {@code portal.grafana.probe-cache}: every
 * analyst opening the page and every status refresh would otherwise send Grafana a request (and wait up to the
 * timeout when it is down). Callers arriving while a probe runs wait for its answer instead of probing too.
 */
public class GrafanaProbe {

    private final GrafanaProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Object probing = new Object();
    private volatile Answer last;

    public GrafanaProbe(GrafanaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
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
        Answer cached = last;
        if (fresh(cached)) {
            return cached.problem();
        }
        synchronized (probing) {
            cached = last;
            if (fresh(cached)) {
                return cached.problem();
            }
            Optional<String> problem = probe();
            last = new Answer(clock.instant(), problem);
            return problem;
        }
    }

    /** The address probed: {@code <probe-url>/api/health}. */
    public String healthUrl() {
        return properties.probeUrl() + "/api/health";
    }

    private boolean fresh(Answer answer) {
        return answer != null
                && clock.instant().isBefore(answer.at().plus(properties.probeCache()))
                && !clock.instant().isBefore(answer.at());
    }

    private Optional<String> probe() {
        String address = healthUrl();
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

    private record Answer(Instant at, Optional<String> problem) {}
}
