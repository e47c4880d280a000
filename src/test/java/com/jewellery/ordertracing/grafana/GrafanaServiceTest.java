package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.status.ComponentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Why no panels: not configured, or nothing answers at the base URL (a closed local port); the status row. */
class GrafanaServiceTest {

    private static final List<GrafanaProperties.Panel> PANELS =
            List.of(new GrafanaProperties.Panel(1, "Latency", "Задержка"));

    @Test
    void notConfiguredShowsNoFramesAndSaysSo() {
        GrafanaProperties properties = new GrafanaProperties("", null, null, null, null, PANELS, null, null);

        GrafanaService.Embedding embedding = service(properties)
                .embedding(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), "mes.price", ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(embedding.frames()).isEmpty();
        assertThat(embedding.unavailable()).contains(GrafanaService.Unavailable.NOT_CONFIGURED);
        ComponentStatus status =
                new GrafanaStatusCheck(properties, new GrafanaProbe(properties, Clock.systemUTC())).check();
        assertThat(status.up()).isFalse();
        assertThat(status.problemKey()).isEqualTo("grafana.status.unconfigured");
    }

    @Test
    void nothingAnsweringShowsNoFramesAndKeepsTheProbesAnswer() {
        GrafanaProperties properties = new GrafanaProperties(
                "http://127.0.0.1:9/grafana", null, null, null, Duration.ofMillis(500), PANELS, null, null);

        GrafanaService.Embedding embedding = service(properties)
                .embedding(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), "mes.price", ZoneOffset.UTC, Locale.ENGLISH);

        assertThat(embedding.frames()).isEmpty();
        assertThat(embedding.unavailable()).contains(GrafanaService.Unavailable.NOT_ANSWERING);
        assertThat(embedding.detail()).startsWith("http://127.0.0.1:9/grafana/api/health did not answer");
        ComponentStatus status =
                new GrafanaStatusCheck(properties, new GrafanaProbe(properties, Clock.systemUTC())).check();
        assertThat(status.up()).isFalse();
        assertThat(status.problemKey()).isEqualTo("grafana.status.problem");
        assertThat(status.detail()).contains("127.0.0.1:9");
    }

    private static GrafanaService service(GrafanaProperties properties) {
        return new GrafanaService(properties, new GrafanaProbe(properties, Clock.systemUTC()));
    }
}
