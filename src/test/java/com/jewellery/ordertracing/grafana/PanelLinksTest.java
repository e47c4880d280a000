package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PanelLinksTest {

    private final GrafanaProperties properties = new GrafanaProperties(
            "https://portal.example.com/grafana/",
            null,
            null,
            null,
            Duration.ofSeconds(1),
            List.of(new GrafanaProperties.Panel(1, "Latency", "Задержка")),
            null,
            null);

    @Test
    void aPanelLinkCarriesTheRangeStageThemeAndZone() {
        String link = new PanelLinks(properties)
                .panel(
                        4,
                        Instant.ofEpochMilli(1_000),
                        Instant.ofEpochMilli(61_000),
                        "mes.price",
                        ZoneId.of("Europe/Moscow"));

        assertThat(link)
                .isEqualTo("https://portal.example.com/grafana/d-solo/portal-stages/order-stages?orgId=1&panelId=4"
                        + "&from=1000&to=61000&var-stage=mes.price&theme=light&timezone=Europe%2FMoscow");
    }

    @Test
    void titlesFollowTheLocaleAndAnEmptyBaseUrlIsNotConfigured() {
        assertThat(properties.panels().getFirst().title(Locale.forLanguageTag("ru-RU")))
                .isEqualTo("Задержка");
        assertThat(properties.panels().getFirst().title(Locale.ENGLISH)).isEqualTo("Latency");
        assertThat(new GrafanaProperties(" ", null, null, null, null, null, null, null).configured())
                .isFalse();
    }

    @Test
    void theProbeSaysWhyWhenNothingAnswers() {
        GrafanaProperties nowhere = new GrafanaProperties(
                "http://127.0.0.1:9", null, null, null, Duration.ofMillis(500), List.of(), null, null);
        assertThat(new GrafanaProbe(nowhere, Clock.systemUTC()).problem())
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("http://127.0.0.1:9/api/health did not answer"));
        assertThat(new GrafanaProbe(
                                new GrafanaProperties("", null, null, null, null, null, null, null), Clock.systemUTC())
                        .problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("not configured"));
    }
}
