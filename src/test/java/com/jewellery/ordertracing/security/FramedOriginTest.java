package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramedOriginTest {

    @Test
    void theGrafanaPanelsOriginIsFramedWhenNoneIsConfigured() {
        assertThat(SecurityConfiguration.framedOrigin("", "https://grafana.example:3000/grafana"))
                .isEqualTo("https://grafana.example:3000");
        assertThat(SecurityConfiguration.framedOrigin("", "http://localhost/grafana/"))
                .isEqualTo("http://localhost");
    }

    @Test
    void aConfiguredOriginWinsAndNoGrafanaMeansNoFrames() {
        assertThat(SecurityConfiguration.framedOrigin("https://other.example", "https://grafana.example/grafana"))
                .isEqualTo("https://other.example");
        assertThat(SecurityConfiguration.framedOrigin("", "")).isEmpty();
    }
}
